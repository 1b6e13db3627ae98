import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportMarkdown, profiles } from '../../../src/shared/export'
import type { SiteExportRequest } from '../../../src/shared/export-api'
import type { Library } from '../../../src/main/library/library'
import { MANIFEST_NAME } from '../../../src/main/site-export/manifest'
import { readSiteExportPreferences } from '../../../src/main/site-export/preferences'
import { previewSiteExport, runSiteExport } from '../../../src/main/site-export/site-export'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { exportContext } from '../../../src/main/site-export/context'
import { fixtureLibrary, git, moveTo, imageNode, initSiteRepo, manyArticles, snapshot, tinyPng } from './fixture-library'

const today = '2025-11-01'
const netflix = netflixArticle()
const netflixPath = 'content/posts/netflix-bets-big-on-generative-ai.md'

let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let site: string
const hugo = (extra: Partial<SiteExportRequest> = {}): SiteExportRequest => ({ siteDir: site, profile: 'hugo', ...extra })

beforeEach(async () => {
  temp = await makeTempDir('copydesk-site-export-')
  library = await fixtureLibrary(join(temp.path, 'library'))
  site = join(temp.path, 'site')
  await mkdir(site)
})
afterEach(async () => {
  await library.close()
  await temp.cleanup()
})

describe('bulk export to a site folder', () => {
  it('dry run lists every file it would add and writes nothing', async () => {
    const plan = await previewSiteExport(library, hugo({ siteKit: true }), { today })
    expect(plan.articleCount).toBe(3)
    expect(plan.added.map((file) => file.path)).toEqual(expect.arrayContaining([netflixPath, ...profiles.hugo.siteKit().map((file) => file.path)]))
    expect(plan.added).toHaveLength(3 + profiles.hugo.siteKit().length)
    expect([...plan.changed, ...plan.unchanged, ...plan.removed, ...plan.conflicts]).toEqual([])
    expect((await snapshot(site)).size).toBe(0)
  })

  it('writes each approved article as the export core renders it, and the manifest of what it wrote', async () => {
    const report = await runSiteExport(library, hugo(), { today })
    expect(report.written.map((file) => file.path).sort()).toEqual([
      'content/posts/begin-your-ai-journey-with-google-skills.md',
      netflixPath,
      'content/posts/what-causes-many-entrepreneurs-to-fail.md'
    ])
    const expected = exportMarkdown(await library.getArticle(netflix.id), (await exportContext(library, today)).ctx, 'hugo').content
    expect(await readFile(join(site, netflixPath), 'utf8')).toBe(expected)
    const manifest = JSON.parse(await readFile(join(site, MANIFEST_NAME), 'utf8')) as { files: Record<string, { articleId?: string }> }
    expect(manifest.files[netflixPath]?.articleId).toBe(netflix.id)
  })

  it('a second export writes nothing at all: same bytes, same modification times', async () => {
    await runSiteExport(library, hugo({ siteKit: true }), { today })
    const before = await snapshot(site)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const report = await runSiteExport(library, hugo({ siteKit: true }), { today })
    expect(report.written).toEqual([])
    expect(report.unchanged).toHaveLength(3 + profiles.hugo.siteKit().length)
    expect(await snapshot(site)).toEqual(before)
  })

  it('after one article changes, rewrites only that article’s file', async () => {
    await runSiteExport(library, hugo(), { today })
    const before = await snapshot(site)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await library.saveArticle(netflix.id, { dek: 'A new standfirst.' })

    const plan = await previewSiteExport(library, hugo(), { today })
    expect(plan.changed.map((file) => file.path)).toEqual([netflixPath])
    const report = await runSiteExport(library, hugo(), { today })
    expect(report.written.map((file) => file.path)).toEqual([netflixPath])

    const after = await snapshot(site)
    for (const [path, file] of before) {
      if (path === netflixPath || path === MANIFEST_NAME) expect(after.get(path)).not.toEqual(file)
      else expect(after.get(path)).toEqual(file)
    }
    expect(await readFile(join(site, netflixPath), 'utf8')).toContain('A new standfirst.')
  })

  it('copies images beside the site with the paths the Markdown uses', async () => {
    const { src } = await library.addMedia('Sarandos on stage.png', tinyPng)
    await library.saveArticle(netflix.id, {
      featuredImage: { src, alt: 'Ted Sarandos' },
      body: { ...netflix.body, content: [imageNode(src, 'Netflix office'), ...netflix.body.content] }
    })
    await runSiteExport(library, hugo(), { today })
    const name = src.slice('media/'.length)
    const copied = join(site, 'static/images/netflix-bets-big-on-generative-ai', name)
    expect(await readFile(copied)).toEqual(tinyPng)
    expect(await readFile(join(site, netflixPath), 'utf8')).toContain(`/images/netflix-bets-big-on-generative-ai/${name}`)

    // A page bundle keeps the image beside index.md, linked relatively.
    const bundleSite = join(temp.path, 'bundle-site')
    await mkdir(bundleSite)
    await runSiteExport(library, { siteDir: bundleSite, profile: 'hugo', bundle: true }, { today })
    expect(await readFile(join(bundleSite, 'content/posts/netflix-bets-big-on-generative-ai', name))).toEqual(tinyPng)
    expect(await readFile(join(bundleSite, 'content/posts/netflix-bets-big-on-generative-ai/index.md'), 'utf8')).toContain(`](${name}`)

    // Astro reads the hero image from src/assets by a relative path and body images from public: the one file goes to both.
    const astroSite = join(temp.path, 'astro-site')
    await mkdir(astroSite)
    await runSiteExport(library, { siteDir: astroSite, profile: 'astro' }, { today })
    expect(await readFile(join(astroSite, 'src/assets/images/netflix-bets-big-on-generative-ai', name))).toEqual(tinyPng)
    expect(await readFile(join(astroSite, 'public/images/netflix-bets-big-on-generative-ai', name))).toEqual(tinyPng)
    const mdx = await readFile(join(astroSite, 'src/content/blog/netflix-bets-big-on-generative-ai.mdx'), 'utf8')
    expect(mdx).toContain(`heroImage: ../../assets/images/netflix-bets-big-on-generative-ai/${name}`)
    expect(mdx).toContain(`](/images/netflix-bets-big-on-generative-ai/${name}`)
  })

  it('reports missing alt text, expired promos and empty FAQ answers with the article’s title', async () => {
    const { src } = await library.addMedia('chart.png', tinyPng)
    const body = structuredClone(netflix.body)
    const faq = body.content.find((node) => node.type === 'faq')!
    faq.content![0]!.content![1] = { type: 'faqAnswer', content: [{ type: 'paragraph' }] }
    await library.saveArticle(netflix.id, { body: { ...body, content: [imageNode(src, ''), ...body.content] } })
    const afterPromoEnds = `${Number(hostingPromo().activeUntil!.slice(0, 4)) + 1}-01-01`
    const report = await runSiteExport(library, hugo(), { today: afterPromoEnds })
    const kinds = report.warnings.filter((w) => w.articleId === netflix.id).map((w) => w.kind)
    expect(kinds).toContain('missing-alt')
    expect(kinds).toContain('expired-promo')
    expect(kinds).toContain('empty-faq-answer')
    expect(report.warnings.every((w) => w.title === netflix.title)).toBe(true)
    // The expired promo is left out of the page, not written as a broken box.
    expect(await readFile(join(site, netflixPath), 'utf8')).not.toContain(hostingPromo().headline)
  })
})

describe('articles that are no longer exported', () => {
  it('are listed, kept without confirmation, and removed with prune, with their images', async () => {
    const { src } = await library.addMedia('photo.png', tinyPng)
    await library.saveArticle(netflix.id, { featuredImage: { src, alt: 'A photo' } })
    await runSiteExport(library, hugo(), { today })
    const image = `static/images/netflix-bets-big-on-generative-ai/${src.slice('media/'.length)}`
    await writeFile(join(site, 'content/posts/hand-written.md'), '# Written by hand in the site\n')
    await moveTo(library, netflix.id, 'in-review')

    const plan = await previewSiteExport(library, hugo(), { today })
    expect(plan.removed.map((file) => file.path).sort()).toEqual([netflixPath, image])
    const kept = await runSiteExport(library, hugo(), { today })
    expect(kept.removed).toEqual([])
    expect(kept.kept.map((file) => file.path).sort()).toEqual([netflixPath, image])
    await expect(readFile(join(site, netflixPath))).resolves.toBeDefined()

    const pruned = await runSiteExport(library, hugo({ prune: true }), { today })
    expect(pruned.removed.map((file) => file.path).sort()).toEqual([netflixPath, image])
    await expect(readFile(join(site, netflixPath))).rejects.toThrow()
    await expect(readFile(join(site, image))).rejects.toThrow()
    // Never a file Copydesk did not write.
    expect(await readFile(join(site, 'content/posts/hand-written.md'), 'utf8')).toContain('by hand')
  })

  it('a stale file someone edited is a conflict, removed only when overwriting is confirmed', async () => {
    await runSiteExport(library, hugo(), { today })
    await writeFile(join(site, netflixPath), 'edited in the site\n')
    await moveTo(library, netflix.id, 'in-review')
    const report = await runSiteExport(library, hugo({ prune: true }), { today })
    expect(report.removed).toEqual([])
    expect(report.kept.map((file) => file.path)).toEqual([netflixPath])
    expect(await readFile(join(site, netflixPath), 'utf8')).toBe('edited in the site\n')
    const forced = await runSiteExport(library, hugo({ prune: true, overwriteConflicts: true }), { today })
    expect(forced.removed.map((file) => file.path)).toEqual([netflixPath])
  })
})

describe('files someone else changed', () => {
  it('an article file edited in the site is not overwritten without asking', async () => {
    await runSiteExport(library, hugo(), { today })
    await writeFile(join(site, netflixPath), 'fixed a typo in the site\n')
    await library.saveArticle(netflix.id, { dek: 'Changed in Copydesk too.' })
    const plan = await previewSiteExport(library, hugo(), { today })
    expect(plan.conflicts.map((file) => file.path)).toEqual([netflixPath])
    const report = await runSiteExport(library, hugo(), { today })
    expect(report.conflicts.map((file) => file.path)).toEqual([netflixPath])
    expect(await readFile(join(site, netflixPath), 'utf8')).toBe('fixed a typo in the site\n')

    await runSiteExport(library, hugo({ overwriteConflicts: true }), { today })
    expect(await readFile(join(site, netflixPath), 'utf8')).toContain('Changed in Copydesk too.')
  })

  it('a file already in the site that Copydesk never wrote is a conflict too', async () => {
    await mkdir(join(site, 'content/posts'), { recursive: true })
    await writeFile(join(site, netflixPath), 'an older post with the same name\n')
    const report = await runSiteExport(library, hugo(), { today })
    expect(report.conflicts.map((file) => file.path)).toEqual([netflixPath])
    expect(await readFile(join(site, netflixPath), 'utf8')).toBe('an older post with the same name\n')
  })

  it('the site kit is written on request; a kit file the site changed is a conflict, one Copydesk wrote is updated', async () => {
    const [faqKit, promoKit] = profiles.hugo.siteKit()
    await runSiteExport(library, hugo({ siteKit: true }), { today })
    expect(await readFile(join(site, faqKit!.path), 'utf8')).toBe(faqKit!.content)

    await writeFile(join(site, faqKit!.path), '{{/* the site’s own FAQ design */}}\n')
    // An older kit Copydesk wrote: the manifest still has the hash of what is on disk.
    const manifestFile = join(site, MANIFEST_NAME)
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, { sha256: string }> }
    const olderKit = '{{/* an older Copydesk promo shortcode */}}\n'
    await writeFile(join(site, promoKit!.path), olderKit)
    manifest.files[promoKit!.path]!.sha256 = (await import('node:crypto')).createHash('sha256').update(olderKit).digest('hex')
    await writeFile(manifestFile, JSON.stringify(manifest))

    const report = await runSiteExport(library, hugo({ siteKit: true }), { today })
    expect(report.conflicts.map((file) => file.path)).toEqual([faqKit!.path])
    expect(await readFile(join(site, faqKit!.path), 'utf8')).toBe('{{/* the site’s own FAQ design */}}\n')
    expect(report.written.map((file) => file.path)).toEqual([promoKit!.path])
    expect(await readFile(join(site, promoKit!.path), 'utf8')).toBe(promoKit!.content)
  })
})

describe('files edited by hand between exports', () => {
  it('an article file made invalid by hand stops the export in plain words before anything is written', async () => {
    const file = library.paths.article(netflix.id)
    const article = JSON.parse(await readFile(file, 'utf8')) as { body: { content: unknown[] } }
    article.body.content.push({ type: 'paragraph', content: [{ type: 'text', text: 'win', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] })
    await writeFile(file, JSON.stringify(article))
    await expect(runSiteExport(library, hugo(), { today })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('javascript:alert(1)') })
    expect((await snapshot(site)).size).toBe(0)
  })

  it('a bad article found after many were written leaves the site exactly as it was: no new file, temp file or folder', async () => {
    await library.close()
    library = await fixtureLibrary(join(temp.path, 'big-library'), manyArticles(80))
    await writeFile(join(site, 'hugo.toml'), 'title = "Site"\n')
    const before = await snapshot(site)
    // Articles are exported oldest first, so the 70th is reached after the first 69 were written.
    const file = library.paths.article('bulk000069-article')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"title"', '"title": 42, "was"'))
    const written: number[] = []
    await expect(runSiteExport(library, hugo(), { today, onProgress: ({ done }) => written.push(done) })).rejects.toMatchObject({ code: 'invalid-input' })
    expect(written).toContain(64)
    expect(await snapshot(site)).toEqual(before)
    expect(await readdir(site)).toEqual(['hugo.toml'])
  })

  it('a manifest damaged after an export is noticed by the next export in the same session', async () => {
    await runSiteExport(library, hugo(), { today })
    await writeFile(join(site, MANIFEST_NAME), '{"format": 1, "files": ')
    const report = await runSiteExport(library, hugo(), { today })
    expect(report.notices).toEqual([`${MANIFEST_NAME} could not be read, so files already in the site are treated as not written by Copydesk.`])
    expect(JSON.parse(await readFile(join(site, MANIFEST_NAME), 'utf8'))).toMatchObject({ files: { [netflixPath]: { kind: 'article' } } })
  })
})

describe('nothing is written outside the site folder', () => {
  it('refuses a site whose content folder is a link leading outside, and writes nothing anywhere', async () => {
    const outside = join(temp.path, 'outside')
    await mkdir(outside)
    await symlink(outside, join(site, 'content'))
    await expect(runSiteExport(library, hugo(), { today })).rejects.toThrow(/outside the site folder/)
    expect((await snapshot(outside)).size).toBe(0)
    expect(await readFile(join(site, MANIFEST_NAME)).catch(() => null)).toBeNull()
  })

  it('ignores a hand-edited manifest that points removal outside the site', async () => {
    const victim = join(temp.path, 'victim.md')
    await writeFile(victim, 'precious\n')
    const sha = (await import('node:crypto')).createHash('sha256').update('precious\n').digest('hex')
    const entry = { kind: 'article', sha256: sha }
    await writeFile(
      join(site, MANIFEST_NAME),
      JSON.stringify({ format: 1, profile: 'hugo', files: { '../victim.md': entry, [victim]: entry, 'content/CON': entry } })
    )
    const report = await runSiteExport(library, hugo({ prune: true, overwriteConflicts: true }), { today })
    expect(await readFile(victim, 'utf8')).toBe('precious\n')
    expect(report.notices.filter((notice) => notice.includes('not a safe path'))).toHaveLength(3)
  })

  it('turns reserved slugs and image names into safe file names', async () => {
    const mediaDir = join(temp.path, 'library/media')
    await writeFile(join(mediaDir, 'aux.png'), tinyPng)
    await writeFile(join(mediaDir, 'CON'), tinyPng)
    await library.saveArticle(netflix.id, {
      slug: 'nul',
      slugLocked: true,
      body: { ...netflix.body, content: [imageNode('media/aux.png', 'one'), imageNode('media/CON', 'two'), ...netflix.body.content] }
    })
    const report = await runSiteExport(library, hugo(), { today })
    const paths = report.written.map((file) => file.path)
    expect(paths).toContain('content/posts/nul-article.md')
    for (const path of paths) {
      for (const segment of path.split('/')) expect(segment).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i)
    }
    expect(paths.filter((path) => path.startsWith('static/images/nul-article/'))).toHaveLength(2)
  })

  it('leaves out the second article that would land on the same file, with a duplicate-slug warning', async () => {
    await library.saveArticle(netflix.id, { slug: 'con', slugLocked: true })
    const [other] = await library.listArticles({ query: 'Entrepreneurs' })
    await library.saveArticle(other!.id, { slug: 'con-article', slugLocked: true })
    const report = await runSiteExport(library, hugo(), { today })
    const duplicate = report.warnings.filter((w) => w.kind === 'duplicate-slug')
    expect(duplicate).toHaveLength(1)
    expect(report.written.filter((file) => file.path === 'content/posts/con-article.md')).toHaveLength(1)
  })

  it('exports the article left out as a duplicate once the one holding its file is gone', async () => {
    await library.saveArticle(netflix.id, { slug: 'con', slugLocked: true })
    const [other] = await library.listArticles({ query: 'Entrepreneurs' })
    await library.saveArticle(other!.id, { slug: 'con-article', slugLocked: true })
    const first = await runSiteExport(library, hugo(), { today })
    const leftOut = first.warnings.find((w) => w.kind === 'duplicate-slug')!.articleId
    const holder = first.written.find((file) => file.path === 'content/posts/con-article.md')!.articleId!
    await library.trashArticle(holder)
    const next = await runSiteExport(library, hugo({ prune: true }), { today })
    expect(next.written.find((file) => file.path === 'content/posts/con-article.md')?.articleId).toBe(leftOut)
    expect(next.warnings.filter((w) => w.kind === 'duplicate-slug')).toEqual([])
  })
})

describe('running an export', () => {
  it('can be cancelled mid-way; it keeps and records what it wrote, and the next run finishes the rest', async () => {
    await library.close()
    const dir = join(temp.path, 'big-library')
    library = await fixtureLibrary(dir, manyArticles(200))
    const controller = new AbortController()
    const phases: string[] = []
    const cancelled = await runSiteExport(library, hugo(), {
      today,
      signal: controller.signal,
      onProgress: ({ phase }) => {
        phases.push(phase)
        if (phase === 'exporting') controller.abort()
      }
    })
    expect(phases[0]).toBe('exporting')
    expect(cancelled.cancelled).toBe(true)
    expect(cancelled.written.length).toBeGreaterThan(0)
    expect(cancelled.written.length).toBeLessThan(200)
    const manifest = JSON.parse(await readFile(join(site, MANIFEST_NAME), 'utf8')) as { files: Record<string, unknown> }
    expect(Object.keys(manifest.files).sort()).toEqual(cancelled.written.map((file) => file.path).sort())

    const rest = await runSiteExport(library, hugo(), { today })
    expect(rest.cancelled).toBe(false)
    expect(rest.written).toHaveLength(200 - cancelled.written.length)
    expect(rest.unchanged).toHaveLength(cancelled.written.length)
  })

  it('a first export of more new files than one chunk of renames puts every file in place, with progress counted to the total', async () => {
    await library.close()
    const count = 600
    const articles = manyArticles(count)
    library = await fixtureLibrary(join(temp.path, 'big-library'), articles)
    const writing: { done: number; total: number }[] = []
    const report = await runSiteExport(library, hugo(), {
      today,
      onProgress: ({ phase, done, total }) => {
        if (phase === 'writing') writing.push({ done, total })
      }
    })
    expect(report.written).toHaveLength(count)
    const posts = await readdir(join(site, 'content/posts'))
    // Every file renamed into place, no temp file left behind.
    expect(posts.sort()).toEqual(articles.map((article) => `${article.slug}.md`).sort())
    const { ctx } = await exportContext(library, today)
    const last = articles[count - 1]!
    expect(await readFile(join(site, `content/posts/${last.slug}.md`), 'utf8')).toBe(exportMarkdown(await library.getArticle(last.id), ctx, 'hugo').content)
    expect(writing.map(({ total }) => total)).toEqual(writing.map(() => count))
    expect(writing.map(({ done }) => done)).toEqual([...writing.map(({ done }) => done)].sort((a, b) => a - b))
    expect(new Set(writing.map(({ done }) => done)).size).toBe(writing.length)
    expect(writing.at(-1)?.done).toBe(count)
    const manifest = JSON.parse(await readFile(join(site, MANIFEST_NAME), 'utf8')) as { files: Record<string, unknown> }
    expect(Object.keys(manifest.files).sort()).toEqual(report.written.map((file) => file.path).sort())
  })

  it('exports only the chosen statuses and remembers the choice for this library', async () => {
    await moveTo(library, netflix.id, 'published')
    const report = await runSiteExport(library, hugo({ statuses: ['published'], section: 'news' }), { today })
    expect(report.written.map((file) => file.path)).toEqual(['content/news/netflix-bets-big-on-generative-ai.md'])
    expect(await readSiteExportPreferences(library.dir)).toEqual({
      siteDir: site,
      profile: 'hugo',
      statuses: ['published'],
      section: 'news',
      bundle: false,
      siteKit: false
    })
  })

  it('refuses a missing site folder and an unknown section in plain words, writing nothing', async () => {
    await expect(runSiteExport(library, hugo({ siteDir: join(temp.path, 'missing') }), { today })).rejects.toThrow(/does not exist/)
    await expect(runSiteExport(library, hugo({ section: '../up' }), { today })).rejects.toThrow(/cannot be a section/)
    expect((await snapshot(site)).size).toBe(0)
  })
})

describe('committing the export to git', () => {
  needsTools(['git'], 'committing the export to git')
  it('commits what the export wrote on a branch, with a message listing the articles, then only real changes', async () => {
    await initSiteRepo(site)
    const first = await runSiteExport(library, hugo({ commitBranch: 'copydesk/export' }), { today })
    expect(first.commit?.commit).toMatch(/^[0-9a-f]{40}$/)
    expect((await git(site, 'branch', '--show-current')).trim()).toBe('copydesk/export')
    expect((await git(site, 'log', '-1', '--format=%s', 'main')).trim()).toBe('Start the site')
    const message = await git(site, 'log', '-1', '--format=%B')
    for (const title of first.written.map((file) => file.title)) expect(message).toContain(title)
    const committed = (await git(site, 'show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()
    expect(committed).toEqual([MANIFEST_NAME, ...first.written.map((file) => file.path)].sort())

    await library.saveArticle(netflix.id, { dek: 'Updated for the second commit.' })
    await runSiteExport(library, hugo({ commitBranch: 'copydesk/export' }), { today })
    expect((await git(site, 'show', '--name-only', '--format=', 'HEAD')).trim().split('\n').sort()).toEqual([MANIFEST_NAME, netflixPath])
    expect(await git(site, 'status', '--porcelain')).toBe('')

    await moveTo(library, netflix.id, 'in-review')
    const pruned = await runSiteExport(library, hugo({ prune: true, commitBranch: 'copydesk/export' }), { today })
    expect(pruned.removed.map((file) => file.path)).toEqual([netflixPath])
    expect(await git(site, 'log', '-1', '--format=%B')).toContain(netflix.title)
    expect(await git(site, 'ls-files', netflixPath)).toBe('')
  })

  it('refuses to commit when the site folder is not a git repository, before writing anything', async () => {
    await expect(runSiteExport(library, hugo({ commitBranch: 'export' }), { today })).rejects.toThrow(/not a git repository/)
    expect((await snapshot(site)).size).toBe(0)
  })
})
