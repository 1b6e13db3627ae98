import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleSource } from '../../../src/main/library/article-source'
import { exportMarkdown } from '../../../src/shared/export'
import type { ArticleTarget } from '../../../src/main/site-export/render-article'
import { sha256 } from '../../../src/main/site-export/manifest'
import { inThisThread, RenderPool } from '../../../src/main/site-export/render-pool'
import { useRenderFixture } from './render-fixture'

/**
 * Big exports render on worker threads. Whichever thread renders an article
 * and whenever it finishes, the export must get the same bytes, warnings and
 * media as from rendering in this thread, and the same refusals.
 */
const fixture = useRenderFixture(20, { section: 'news' })
const targetOf = (source: ArticleSource): ArticleTarget => fixture.targetOf(source)

describe('rendering on worker threads', () => {
  it('gives each article the same file, hash, warnings and media as rendering in this thread', async () => {
    const pool = new RenderPool(fixture.setup, 2)
    try {
      const here = inThisThread(fixture.setup)
      const [threaded, inline] = await Promise.all([
        Promise.all(fixture.sources.map((source) => pool.render(source, targetOf(source)))),
        Promise.all(fixture.sources.map((source) => here.render(source, targetOf(source))))
      ])
      expect(threaded).toHaveLength(23)
      expect(threaded).toEqual(inline)
      expect(new Set(threaded.map((rendered) => rendered.sha256)).size).toBe(23)
    } finally {
      await pool.close()
    }
  })

  it('refuses an article file edited by hand into an invalid one, with the code and words of this thread', async () => {
    const [source] = fixture.sources
    const file = source!.file
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace('"title": "', '"title": 42, "was": "'))
    const pool = new RenderPool(fixture.setup, 2)
    try {
      const [threaded, here] = await Promise.allSettled([pool.render(source!, targetOf(source!)), inThisThread(fixture.setup).render(source!, targetOf(source!))])
      expect(threaded).toMatchObject({ status: 'rejected', reason: { code: 'invalid-input', message: expect.stringContaining('title') } })
      expect(threaded).toEqual(here)
    } finally {
      await pool.close()
      await writeFile(file, original)
    }
  })

  it('writes each new file beside its target, with the bytes of the export core, and lists it', async () => {
    const pool = new RenderPool({ ...fixture.setup, stage: true }, 2)
    try {
      const rendered = await Promise.all(fixture.sources.map((source) => pool.render(source, targetOf(source))))
      for (const [index, source] of fixture.sources.entries()) {
        const { action, temp: staged } = rendered[index]!
        expect(action).toBe('add')
        expect(dirname(staged!)).toBe(join(fixture.site, 'content/news'))
        const article = await fixture.library.getArticle(source.id)
        expect(await readFile(staged!, 'utf8')).toBe(exportMarkdown(article, fixture.setup.ctx, 'hugo', fixture.setup.layout).content)
      }
      expect((await readdir(join(fixture.site, 'content/news'))).filter((name) => name.endsWith('.md'))).toEqual([])
    } finally {
      await pool.close()
      await rm(join(fixture.site, 'content/news'), { recursive: true, force: true })
      await mkdir(join(fixture.site, 'content/news'))
    }
  })

  it('hands back the bytes of a file that changed, or that someone else edited, to be written only at commit', async () => {
    const [edited, ours] = fixture.sources
    const old = 'an older export\n'
    const theirs = 'edited in the site by hand\n'
    await writeFile(targetOf(ours!).file, old)
    await writeFile(targetOf(edited!).file, theirs)
    const pool = new RenderPool({ ...fixture.setup, stage: true }, 2)
    try {
      const [conflict, change] = await Promise.all([
        pool.render(edited!, { ...targetOf(edited!), recordedSha256: sha256(old) }),
        pool.render(ours!, { ...targetOf(ours!), recordedSha256: sha256(old) })
      ])
      expect([change.action, change.temp]).toEqual(['change', undefined])
      expect([conflict.action, conflict.temp]).toEqual(['conflict', undefined])
      const article = await fixture.library.getArticle(ours!.id)
      expect(new TextDecoder().decode(change.content)).toBe(exportMarkdown(article, fixture.setup.ctx, 'hugo', fixture.setup.layout).content)
      // Nothing in the site changed yet.
      expect(await readFile(targetOf(ours!).file, 'utf8')).toBe(old)
      expect(await readFile(targetOf(edited!).file, 'utf8')).toBe(theirs)
    } finally {
      await pool.close()
      await rm(targetOf(ours!).file)
      await rm(targetOf(edited!).file)
    }
  })

  it('a pool made after another closed renders on its threads, with its own setup', async () => {
    const [source] = fixture.sources
    const first = new RenderPool(fixture.setup, 2)
    const dryRun = await first.render(source!, targetOf(source!))
    const threads = first.threadIds
    await first.close()
    expect(dryRun.temp).toBeUndefined()

    // The export after its preview: same threads, now staging files.
    const second = new RenderPool({ ...fixture.setup, stage: true }, 2)
    try {
      expect(second.threadIds).toEqual(threads)
      // Closing the first pool again leaves alone the threads it handed over.
      await first.close()
      const staged = await second.render(source!, targetOf(source!))
      expect(staged.sha256).toBe(dryRun.sha256)
      expect(await readFile(staged.temp!, 'utf8')).toBe(exportMarkdown(await fixture.library.getArticle(source!.id), fixture.setup.ctx, 'hugo', fixture.setup.layout).content)
      await rm(staged.temp!)
    } finally {
      await second.close()
    }
    // Another size of pool starts its own threads.
    const third = new RenderPool(fixture.setup, 1)
    try {
      expect(threads).not.toContain(third.threadIds[0])
      expect((await third.render(source!, targetOf(source!))).sha256).toBe(dryRun.sha256)
    } finally {
      await third.close()
    }
  })

  it('when closed mid-way, finishes the articles under way (each may have written a file to keep or take back) and refuses new ones', async () => {
    const pool = new RenderPool(fixture.setup, 2)
    const outcomes = Promise.allSettled(fixture.sources.map((source) => pool.render(source, targetOf(source))))
    await pool.close()
    const settled = await outcomes
    expect(settled).toHaveLength(23)
    expect(settled.every((outcome) => outcome.status === 'fulfilled')).toBe(true)
    await expect(pool.render(fixture.sources[0]!, targetOf(fixture.sources[0]!))).rejects.toThrow(/stopped/)
  })
})
