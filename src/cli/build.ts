import { chmod, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { build } from 'esbuild'

/**
 * `npm run build:cli` (and `npm install`, through prepare): the command line as plain ES modules
 * in out/cli, so it starts without compiling TypeScript. Commands load their modules when they
 * run (split chunks), so `--help` loads little; dependencies stay in node_modules. The render
 * and import workers are built beside it (see src/cli/built-workers.ts).
 */
const root = resolve(import.meta.dirname, '../..')
const outdir = resolve(root, 'out/cli')

await rm(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: {
    copydesk: 'src/cli/index.ts',
    'render-worker': 'src/main/site-export/render-worker.ts',
    'import-worker': 'src/main/library/import-worker.ts'
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning'
})
await chmod(resolve(outdir, 'copydesk.mjs'), 0o755)
