import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { useBundledThread } from '../main/threads/bundled-threads'

/**
 * The built CLI (out/cli, see build.ts) ships its threads' scripts beside itself and names them
 * here. Run from sources, nothing to do: start-thread bundles their TypeScript itself.
 */
export function useBuiltWorkers(): void {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.ts')) return
  useBundledThread('render', join(dirname(here), 'render-worker.mjs'))
  useBundledThread('import', join(dirname(here), 'import-worker.mjs'))
  useBundledThread('stamps', join(dirname(here), 'stamp-worker.mjs'))
  useBundledThread('search', join(dirname(here), 'search-worker.mjs'))
}
