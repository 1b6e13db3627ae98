import * as z from 'zod'

// Zod compiles fast parsers with new Function() when eval is allowed, and
// probes for it on first use; the CSP allows no eval, so the probe would be a
// violation each start. Imported first by main.tsx, before any schema parses.
z.config({ jitless: true })
