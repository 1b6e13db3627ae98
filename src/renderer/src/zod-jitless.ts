import * as z from 'zod'

// Zod compiles fast parsers with new Function() when eval is allowed, and
// probes for it on first use; the CSP allows no eval, so the probe would be a
// violation each start. Bundled into zod's own chunk (electron.vite.config.ts),
// so it runs as soon as zod has, before any schema is built.
z.config({ jitless: true })
