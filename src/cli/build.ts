import { chmod, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'

/**
 * `npm run build:cli` (and `npm install`, through prepare): the command line as plain ES modules
 * in out/cli, so it starts without compiling TypeScript. Commands load their modules when they
 * run (split chunks), so `--help` loads little. Dependencies are bundled too: resolving and
 * linking the hundred-odd files zod alone is made of cost more than listing a library, and
 * bundled, only the parts of zod the schemas use are loaded. Bundled CommonJS packages get a
 * `require` for the Node modules they ask for. The render and import workers are built beside
 * it, with all their packages inside (see src/cli/built-workers.ts).
 */
const root = resolve(import.meta.dirname, '../..')

const BUNDLED_PACKAGES = new Set(['zod', 'commander'])
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
/** Every other package is loaded from node_modules, as the app loads it. */
const otherPackagesExternal: Plugin = {
  name: 'other-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => (BUNDLED_PACKAGES.has(packageOf(path)) ? undefined : { path, external: true }))
  }
}
const outdir = resolve(root, 'out/cli')

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: "import { createRequire as createRequireForBundledPackages } from 'node:module'; const require = createRequireForBundledPackages(import.meta.url);" },
  outdir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning'
} as const

await rm(outdir, { recursive: true, force: true })
await build({
  ...common,
  entryPoints: { copydesk: 'src/cli/index.ts' },
  splitting: true,
  plugins: [otherPackagesExternal]
})
// The workers carry every package they use inside their own scripts, as the app's do: loading them from
// node_modules file by file (resolving, reading and compiling some hundreds of modules) cost each
// thread start about 800 ms of CPU, several times what evaluating one script does. Built apart from
// the command entry, so the commands' chunks and `--help` are unchanged. Split, so the Word-document
// code (850 KB, imported only when a .docx is read) is a chunk of its own that no other start parses.
await build({
  ...common,
  entryPoints: {
    'render-worker': 'src/main/site-export/render-worker.ts',
    'import-worker': 'src/main/library/import-worker.ts',
    'stamp-worker': 'src/main/library/stamp-worker.ts',
    'search-worker': 'src/main/library/search-count-worker.ts'
  },
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'worker-[name]-[hash]'
})
await chmod(resolve(outdir, 'copydesk.mjs'), 0o755)
