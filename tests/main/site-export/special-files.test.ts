import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { MANIFEST_NAME } from '../../../src/main/site-export/manifest'
import { previewSiteExport, runSiteExport } from '../../../src/main/site-export/site-export'
import { makeTempDir } from '../../support/temp-dir'
import { fixtureLibrary, snapshot } from './fixture-library'

/**
 * Opening a FIFO waits for a writer forever, and a socket or device is no
 * file to read or replace. Whatever sits at a target path, an export ends
 * with a conflict named in plain words and never opens it.
 */
const today = '2025-11-01'
const netflixPath = 'content/posts/netflix-bets-big-on-generative-ai.md'
const mkfifo = (path: string) => promisify(execFile)('mkfifo', [path])

let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let site: string
let server: Server | null = null

beforeEach(async () => {
  temp = await makeTempDir('copydesk-special-files-')
  library = await fixtureLibrary(join(temp.path, 'library'))
  site = join(temp.path, 'site')
  await mkdir(join(site, 'content/posts'), { recursive: true })
})
afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(null)))
  server = null
  await library.close()
  await temp.cleanup()
})

/** Ends with the result or the refusal, or says it hung: a hung export would otherwise only show as a test timeout. */
const settled = <T>(work: Promise<T>): Promise<{ value?: T; error?: Error } | 'hung'> =>
  Promise.race([
    work.then((value) => ({ value }), (error: Error) => ({ error })),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))
  ])

describe('a target path that holds something other than a file', () => {
  it.each([
    ['a FIFO', 'a named pipe (FIFO)', (path: string) => mkfifo(path)],
    [
      'a socket',
      'a socket',
      (path: string) =>
        new Promise<void>((resolve) => {
          server = createServer()
          server.listen(path, resolve)
        })
    ],
    ['a folder', 'a folder', (path: string) => mkdir(path)]
  ])('%s is a conflict the preview and the export report, never opened', async (_kind, words, make) => {
    await make(join(site, netflixPath))
    const before = await snapshot(site)
    for (const work of [previewSiteExport(library, { siteDir: site, profile: 'hugo' }, { today }), runSiteExport(library, { siteDir: site, profile: 'hugo' }, { today })]) {
      const outcome = await settled<unknown>(work)
      expect(outcome).not.toBe('hung')
      const { error } = outcome as { error?: Error & { code?: string } }
      expect(error?.code).toBe('conflict')
      expect(error?.message).toBe(`Cannot write “${netflixPath}”: ${words} of that name is in the way. Nothing was exported; move it away and export again.`)
    }
    expect(await snapshot(site)).toEqual(before)
  }, 60_000)

  it('a FIFO where the export record lists a file it would now remove is left alone, with a notice', async () => {
    await runSiteExport(library, { siteDir: site, profile: 'hugo' }, { today })
    const gone = join(site, 'content/posts/old-article.md')
    const manifest = JSON.parse(await readFile(join(site, MANIFEST_NAME), 'utf8')) as { files: Record<string, unknown> }
    manifest.files['content/posts/old-article.md'] = { kind: 'article', sha256: 'a'.repeat(64), articleId: 'old', title: 'Old' }
    await writeFile(join(site, MANIFEST_NAME), JSON.stringify(manifest))
    await mkfifo(gone)
    const outcome = await settled(runSiteExport(library, { siteDir: site, profile: 'hugo', prune: true }, { today }))
    expect(outcome).not.toBe('hung')
    const { value } = outcome as { value: Awaited<ReturnType<typeof runSiteExport>> }
    expect(value.notices).toContain('The last export wrote “content/posts/old-article.md”, which this one no longer would, but something else is there now; it was left alone.')
  }, 60_000)

  it('a FIFO in place of the export record is refused without waiting on it', async () => {
    await mkfifo(join(site, MANIFEST_NAME))
    const outcome = await settled(previewSiteExport(library, { siteDir: site, profile: 'hugo' }, { today }))
    expect(outcome).not.toBe('hung')
    // Read as no record: every article is new to the site.
    expect((outcome as { value: Awaited<ReturnType<typeof previewSiteExport>> }).value.added.map((file) => file.path)).toContain(netflixPath)
  }, 60_000)
})
