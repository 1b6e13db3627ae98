import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The built CLI (out/cli, see the build:cli script) ships its worker threads' scripts beside
 * itself and names them here. Run from sources, nothing to do: the worker modules bundle their
 * TypeScript themselves.
 */
export async function useBuiltWorkers(): Promise<void> {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.ts')) return
  const { useRenderWorker } = await import('../main/site-export/render-pool')
  useRenderWorker(join(dirname(here), 'render-worker.mjs'))
}
