import { writeFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { articleSchema } from '../../../src/shared/article/article'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { profileNames } from '../../../src/shared/export'
import type { SiteExportRequest } from '../../../src/shared/export-api'
import type { Library } from '../../../src/main/library/library'
import { canaryArticle, rendererFingerprint } from '../../../src/main/site-export/renderer-fingerprint'
import { runSiteExport } from '../../../src/main/site-export/site-export'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { fixtureLibrary } from './fixture-library'

/**
 * Re-exports skip articles whose inputs did not change (the render cache);
 * these prove that every input that does change an article's file still
 * reaches the site.
 */
const today = '2025-11-01'
const netflix = netflixArticle()
const [entrepreneurs, googleSkills] = relatedArticles()
const pathOf = (slug: string): string => `content/posts/${slug}.md`

let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let site: string
const request = (): SiteExportRequest => ({ siteDir: site, profile: 'hugo' })
const written = async (day = today): Promise<string[]> => (await runSiteExport(library, request(), { today: day })).written.map((file) => file.path)

beforeEach(async () => {
  temp = await makeTempDir('copydesk-render-cache-')
  library = await fixtureLibrary(join(temp.path, 'library'))
  site = join(temp.path, 'site')
  await mkdir(site)
  expect(await written()).toHaveLength(3)
})
afterEach(async () => {
  await library.close()
  await temp.cleanup()
})

describe('re-exporting with remembered renders', () => {
  it('rewrites the articles that place a promo when the promo changes', async () => {
    const { id, createdAt: _c, updatedAt: _u, ...promo } = hostingPromo()
    await library.savePromo({ ...promo, headline: 'Hosting 80% off' }, id)
    expect(await written()).toEqual([pathOf(netflix.slug)])
    expect(await readFile(join(site, pathOf(netflix.slug)), 'utf8')).toContain('Hosting 80% off')
  })

  it('rewrites an article without its promo on the day the promo has expired', async () => {
    const after = `${Number(hostingPromo().activeUntil!.slice(0, 4)) + 1}-01-01`
    expect(await written(after)).toEqual([pathOf(netflix.slug)])
    expect(await readFile(join(site, pathOf(netflix.slug)), 'utf8')).not.toContain(hostingPromo().headline)
  })

  it('rewrites the articles that link to an article whose title changed', async () => {
    // Its slug follows the title, so it moves too; the Google Skills article does not link to it and stays.
    const renamed = await library.saveArticle(entrepreneurs!.id, { title: 'Why Entrepreneurs Fail' })
    expect((await written()).sort()).toEqual([pathOf(netflix.slug), pathOf(renamed.slug)].sort())
    expect(await readFile(join(site, pathOf(netflix.slug)), 'utf8')).toContain('Why Entrepreneurs Fail')
  })

  it('still sees a file edited in the site as a conflict', async () => {
    await writeFile(join(site, pathOf(googleSkills!.slug)), 'edited in the site\n')
    const report = await runSiteExport(library, request(), { today })
    expect(report.conflicts.map((file) => file.path)).toEqual([pathOf(googleSkills!.slug)])
  })

  it('sees a file edited in the site while the export was recording it as a conflict', async () => {
    const path = pathOf(googleSkills!.slug)
    await rm(join(site, path))
    // Edited by hand once every file is in place, before the export has remembered them.
    const first = await runSiteExport(library, request(), {
      today,
      onProgress: ({ phase, done, total }) => {
        if (phase === 'writing' && done === total) writeFileSync(join(site, path), 'edited in the site while the export ran\n')
      }
    })
    expect(first.written.map((file) => file.path)).toEqual([path])
    const report = await runSiteExport(library, request(), { today })
    expect(report.conflicts.map((file) => file.path)).toEqual([path])
    expect(await readFile(join(site, path), 'utf8')).toBe('edited in the site while the export ran\n')
  })

  it('restores a file deleted from the site', async () => {
    await rm(join(site, pathOf(googleSkills!.slug)))
    expect(await written()).toEqual([pathOf(googleSkills!.slug)])
  })

  it('gives the same result when the remembered renders are lost', async () => {
    await rm(join(library.dir, 'site-export-cache'), { recursive: true })
    const report = await runSiteExport(library, request(), { today })
    expect(report.written).toEqual([])
    expect(report.unchanged).toHaveLength(3)
  })

  it('after one edit, rewrites only the part of the cache that holds that article', async () => {
    const cacheFiles = async (): Promise<Map<string, string>> => {
      const dir = join(library.dir, 'site-export-cache')
      const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      return new Map(await Promise.all(names.map(async (entry) => [join(entry.parentPath, entry.name), await readFile(join(entry.parentPath, entry.name), 'utf8')] as const)))
    }
    const before = await cacheFiles()
    await library.saveArticle(entrepreneurs!.id, { dek: 'A new dek' })
    expect(await written()).toEqual([pathOf(entrepreneurs!.slug)])
    const rewritten = [...(await cacheFiles())].filter(([file, text]) => before.get(file) !== text)
    // The cache is split by article id; this article shares its part with neither of the others.
    expect(rewritten.map(([, text]) => Object.keys((JSON.parse(text) as { articles: object }).articles))).toEqual([[entrepreneurs!.id]])
  })

  it('reports the same warnings for skipped articles as for rendered ones', async () => {
    const first = await runSiteExport(library, request(), { today: '2031-06-01' })
    const again = await runSiteExport(library, request(), { today: '2031-06-02' })
    expect(first.warnings.map((w) => w.kind)).toContain('expired-promo')
    expect(again.warnings).toEqual(first.warnings)
  })
})

describe('the renderer fingerprint', () => {
  it('renders a canary that is a valid article with every block', () => {
    const canary = articleSchema.parse(canaryArticle)
    const types = new Set<string>()
    toProseMirror(canary.body).descendants((node) => {
      types.add(node.type.name)
    })
    expect([...types]).toEqual(expect.arrayContaining(['heading', 'bulletList', 'orderedList', 'blockquote', 'codeBlock', 'image', 'table', 'faq', 'promoSlot']))
  })

  it('differs between profiles and layouts', () => {
    const prints = profileNames.flatMap((name) => [rendererFingerprint(name, {}), rendererFingerprint(name, { section: 'news' })])
    expect(new Set(prints).size).toBe(prints.length)
  })
})
