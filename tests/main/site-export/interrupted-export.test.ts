import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { writeArticleFile } from '../../../src/main/library/article-files'
import { libraryPaths } from '../../../src/main/library/layout'
import { openLibrary, type Library } from '../../../src/main/library/library'
import { MANIFEST_NAME, sha256 } from '../../../src/main/site-export/manifest'
import { previewSiteExport, runSiteExport } from '../../../src/main/site-export/site-export'
import { bundleScript } from '../../support/node-script'
import { makeTempDir } from '../../support/temp-dir'
import { fixtureLibrary, manyArticles } from './fixture-library'

/**
 * A 400-article export killed (SIGKILL, in a real child process) while it
 * puts its files in place: the next preview and export say how far it got,
 * the export finishes it, and the export record never lists a file that is
 * not on disk as it says.
 */
// Enough for the commit to take many batches of files (apply.ts); the kill points need no more.
const COUNT = 400
const today = '2025-11-01'

let temp: { path: string; cleanup: () => Promise<void> }
let libraryDir: string
let site: string
let articles: Article[]
let exporter: string

/** Runs the export in a child process that kills itself once `killAt` files are committed; returns how far it said it got. */
function exportKilledAt(killAt: number, prune: boolean): Promise<{ done: number; total: number }> {
  const child = spawn(process.execPath, [exporter, libraryDir, site, String(killAt), prune ? 'yes' : 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  return new Promise((done, fail) =>
    child.on('exit', (_code, signal) => {
      const said = /killed after (\d+) of (\d+)/.exec(out)
      if (signal !== 'SIGKILL' || !said) fail(new Error(`The export was not killed mid-commit (signal ${signal}): ${out}${err}`))
      else done({ done: Number(said[1]), total: Number(said[2]) })
    })
  )
}

/** Writes every article again with a new dek, as an edit elsewhere would, so every exported file changes. */
async function editAll(version: string): Promise<void> {
  const updatedAt = new Date().toISOString()
  for (const article of articles) await writeArticleFile(libraryPaths(libraryDir).article(article.id), { ...article, dek: `Version ${version} of ${article.title}.`, updatedAt })
}

/** The export record, checked against the disk: every file it lists is there with the bytes it names. */
async function manifestMismatches(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(site, MANIFEST_NAME), 'utf8')) as { files: Record<string, { sha256: string }> }
  const wrong: string[] = []
  for (const [path, { sha256: recorded }] of Object.entries(manifest.files)) {
    const bytes = await readFile(join(site, path)).catch(() => null)
    if (!bytes || sha256(bytes) !== recorded) wrong.push(path)
  }
  return wrong
}

/** Files of the site other than the record: no temp files or journal left behind. */
const strayFiles = async (): Promise<string[]> =>
  (await readdir(site, { recursive: true })).filter((path) => /\.copydesk-|\.tmp$/.test(path) && path !== MANIFEST_NAME)

async function withLibrary<T>(work: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary(libraryDir)
  try {
    return await work(library)
  } finally {
    await library.close()
  }
}

beforeAll(async () => {
  temp = await makeTempDir('copydesk-interrupted-export-')
  libraryDir = join(temp.path, 'library')
  site = join(temp.path, 'site')
  await mkdir(site)
  exporter = await bundleScript(join(import.meta.dirname, 'interrupted-exporter.ts'), join(temp.path, 'interrupted-exporter.cjs'))
  articles = manyArticles(COUNT)
  const library = await fixtureLibrary(libraryDir, articles)
  await runSiteExport(library, { siteDir: site, profile: 'hugo' }, { today })
  await library.close()
}, 300_000)
afterAll(() => temp.cleanup())

describe('an export killed while it puts its files in place', () => {
  it.each([208, COUNT])('killed after %i files: the next preview and export say so, and the export completes it', async (killAt) => {
    await editAll(`killed at ${killAt}`)
    const killed = await exportKilledAt(killAt, false)
    expect(killed).toEqual({ done: killAt, total: COUNT })
    const notice = `The last export was interrupted after ${killAt} of ${COUNT} files; this export completes it.`

    await withLibrary(async (library) => {
      const preview = await previewSiteExport(library, { siteDir: site, profile: 'hugo' }, { today })
      expect(preview.notices).toContain(notice)
      // What the killed export wrote is Copydesk's, not someone else's change; the rest is still to write.
      expect(preview.conflicts).toEqual([])
      expect(preview.unchanged).toHaveLength(killAt)
      expect(preview.changed).toHaveLength(COUNT - killAt)

      const report = await runSiteExport(library, { siteDir: site, profile: 'hugo' }, { today })
      expect(report.notices).toContain(notice)
      expect(report.written).toHaveLength(COUNT - killAt)
      expect(report.conflicts).toEqual([])
    })
    expect(await manifestMismatches()).toEqual([])
    expect(await strayFiles()).toEqual([])
    const sample = articles[COUNT - 1]!
    expect(await readFile(join(site, `content/posts/${sample.slug}.md`), 'utf8')).toContain(`Version killed at ${killAt} of ${sample.title}.`)
    // Said once: the export after finds nothing to finish.
    const again = await withLibrary((library) => previewSiteExport(library, { siteDir: site, profile: 'hugo' }, { today }))
    expect(again.notices).toEqual([])
    expect(again.unchanged).toHaveLength(COUNT)
  }, 300_000)

  it('killed while removing the files of unpublished articles: the record never keeps a removed file', async () => {
    // Half the articles leave the export: drafts again.
    const updatedAt = new Date().toISOString()
    for (const article of articles.slice(0, COUNT / 2)) await writeArticleFile(libraryPaths(libraryDir).article(article.id), { ...article, status: 'draft', updatedAt })
    const killed = await exportKilledAt(COUNT / 4, true)
    expect(killed.total).toBe(COUNT / 2)

    await withLibrary(async (library) => {
      const preview = await previewSiteExport(library, { siteDir: site, profile: 'hugo', prune: true }, { today })
      expect(preview.notices).toContain(`The last export was interrupted after ${killed.done} of ${killed.total} files; this export completes it.`)
      expect(preview.removed).toHaveLength(COUNT / 2 - killed.done)
      await runSiteExport(library, { siteDir: site, profile: 'hugo', prune: true }, { today })
    })
    expect(await manifestMismatches()).toEqual([])
    expect(await strayFiles()).toEqual([])
    const manifest = JSON.parse(await readFile(join(site, MANIFEST_NAME), 'utf8')) as { files: Record<string, unknown> }
    expect(Object.keys(manifest.files)).toHaveLength(COUNT / 2)
  }, 300_000)
})
