import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { hugoSiteFiles } from '../shared/export/support/hugo-site'

/** Hugo's version line, or null when this machine has no hugo to run. */
export const hugoVersion = (): Promise<string | null> =>
  promisify(execFile)('hugo', ['version']).then(
    ({ stdout }) => stdout.trim().split(' ').slice(0, 2).join(' '),
    () => null
  )

/**
 * Turns an exported Hugo site into one Hugo can build: the smallest layout a
 * theme would give (the same one the Hugo build tests use), beside the
 * export's own files and site kit.
 */
export async function addHugoLayout(site: string): Promise<void> {
  for (const [path, content] of Object.entries(hugoSiteFiles)) {
    await mkdir(dirname(join(site, path)), { recursive: true })
    await writeFile(join(site, path), content)
  }
}

/** Times `hugo -D` (drafts too, as the export wrote every status) building `site` into `destination`; returns the time and the pages it built. */
export async function hugoBuild(site: string, destination: string): Promise<{ ms: number; pages: number }> {
  const started = performance.now()
  const { stdout } = await promisify(execFile)('hugo', ['-D', '--source', site, '--destination', destination, '--cacheDir', join(destination, '..', 'hugo-cache')], {
    maxBuffer: 16 * 1024 * 1024
  })
  const took = performance.now() - started
  // Hugo prints a table whose "Pages" row counts what it built.
  const pages = Number(/^\s*Pages\s*\|\s*(\d+)/m.exec(stdout)?.[1] ?? NaN)
  return { ms: took, pages }
}
