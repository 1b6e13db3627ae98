import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import type { ArticleSource } from '../../../src/main/library/article-source'
import type { Library } from '../../../src/main/library/library'
import { exportContext } from '../../../src/main/site-export/context'
import { exportMarkdown, profiles } from '../../../src/shared/export'
import type { ArticleTarget, RenderSetup } from '../../../src/main/site-export/render-article'
import { inThisThread, RenderPool } from '../../../src/main/site-export/render-pool'
import { fixtureLibrary, manyArticles } from './fixture-library'

/**
 * Big exports render on worker threads. Whichever thread renders an article
 * and whenever it finishes, the export must get the same bytes, warnings and
 * media as from rendering in this thread, and the same refusals.
 */
let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let setup: RenderSetup
let sources: ArticleSource[]
let targets: Map<string, ArticleTarget>
let site: string
beforeAll(async () => {
  temp = await makeTempDir('copydesk-render-pool-')
  library = await fixtureLibrary(join(temp.path, 'library'), [...fixtureArticles(), ...manyArticles(20)])
  const { ctx, summaries } = await exportContext(library, '2025-11-01')
  site = join(temp.path, 'site')
  await mkdir(join(site, 'content/news'), { recursive: true })
  setup = { ctx, profile: 'hugo', layout: { section: 'news' }, siteRealRoot: site, stage: false }
  sources = [...(await library.articleSources()).values()]
  targets = new Map(
    summaries.map((summary) => {
      const path = profiles.hugo.articlePath(summary, setup.layout)
      return [summary.id, { path, file: join(site, path) }]
    })
  )
})
const targetOf = (source: ArticleSource): ArticleTarget => targets.get(source.id)!
afterAll(async () => {
  await library.close()
  await temp.cleanup()
})

describe('rendering on worker threads', () => {
  it('gives each article the same file, hash, warnings and media as rendering in this thread', async () => {
    const pool = new RenderPool(setup, 2)
    try {
      const here = inThisThread(setup)
      const [threaded, inline] = await Promise.all([
        Promise.all(sources.map((source) => pool.render(source, targetOf(source)))),
        Promise.all(sources.map((source) => here.render(source, targetOf(source))))
      ])
      expect(threaded).toHaveLength(23)
      expect(threaded).toEqual(inline)
      expect(new Set(threaded.map((rendered) => rendered.sha256)).size).toBe(23)
    } finally {
      await pool.close()
    }
  })

  it('refuses an article file edited by hand into an invalid one, with the code and words of this thread', async () => {
    const [source] = sources
    const file = source!.file
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace('"title": "', '"title": 42, "was": "'))
    const pool = new RenderPool(setup, 2)
    try {
      const [threaded, here] = await Promise.allSettled([pool.render(source!, targetOf(source!)), inThisThread(setup).render(source!, targetOf(source!))])
      expect(threaded).toMatchObject({ status: 'rejected', reason: { code: 'invalid-input', message: expect.stringContaining('title') } })
      expect(threaded).toEqual(here)
    } finally {
      await pool.close()
      await writeFile(file, original)
    }
  })

  it('writes each new file beside its target, with the bytes of the export core, and lists it', async () => {
    const pool = new RenderPool({ ...setup, stage: true }, 2)
    try {
      const rendered = await Promise.all(sources.map((source) => pool.render(source, targetOf(source))))
      for (const [index, source] of sources.entries()) {
        const { action, temp: staged } = rendered[index]!
        expect(action).toBe('add')
        expect(dirname(staged!)).toBe(join(site, 'content/news'))
        const article = await library.getArticle(source.id)
        expect(await readFile(staged!, 'utf8')).toBe(exportMarkdown(article, setup.ctx, 'hugo', setup.layout).content)
      }
      expect((await readdir(join(site, 'content/news'))).filter((name) => name.endsWith('.md'))).toEqual([])
    } finally {
      await pool.close()
      await rm(join(site, 'content/news'), { recursive: true, force: true })
      await mkdir(join(site, 'content/news'))
    }
  })

  it('when closed mid-way, finishes the articles under way (each may have written a file to keep or take back) and refuses new ones', async () => {
    const pool = new RenderPool(setup, 2)
    const outcomes = Promise.allSettled(sources.map((source) => pool.render(source, targetOf(source))))
    await pool.close()
    const settled = await outcomes
    expect(settled).toHaveLength(23)
    expect(settled.every((outcome) => outcome.status === 'fulfilled')).toBe(true)
    await expect(pool.render(sources[0]!, targetOf(sources[0]!))).rejects.toThrow(/stopped/)
  })
})
