import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import type { ArticleSource } from '../../../src/main/library/article-source'
import type { Library } from '../../../src/main/library/library'
import { exportContext } from '../../../src/main/site-export/context'
import type { RenderSetup } from '../../../src/main/site-export/render-article'
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
beforeAll(async () => {
  temp = await makeTempDir('copydesk-render-pool-')
  library = await fixtureLibrary(join(temp.path, 'library'), [...fixtureArticles(), ...manyArticles(20)])
  const { ctx } = await exportContext(library, '2025-11-01')
  setup = { ctx, profile: 'hugo', layout: { section: 'news' } }
  sources = [...(await library.articleSources()).values()]
})
afterAll(async () => {
  await library.close()
  await temp.cleanup()
})

describe('rendering on worker threads', () => {
  it('gives each article the same file, hash, warnings and media as rendering in this thread', async () => {
    const pool = new RenderPool(setup, 2)
    try {
      const here = inThisThread(setup)
      const [threaded, inline] = await Promise.all([Promise.all(sources.map((source) => pool.render(source))), Promise.all(sources.map((source) => here.render(source)))])
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
      const [threaded, here] = await Promise.allSettled([pool.render(source!), inThisThread(setup).render(source!)])
      expect(threaded).toMatchObject({ status: 'rejected', reason: { code: 'invalid-input', message: expect.stringContaining('title') } })
      expect(threaded).toEqual(here)
    } finally {
      await pool.close()
      await writeFile(file, original)
    }
  })

  it('when closed mid-way, settles every article it was still rendering instead of leaving the export waiting', async () => {
    const pool = new RenderPool(setup, 2)
    const outcomes = Promise.allSettled(sources.map((source) => pool.render(source)))
    await pool.close()
    const settled = await outcomes
    expect(settled).toHaveLength(23)
    expect(settled.filter((outcome) => outcome.status === 'rejected').map((outcome) => String(outcome.reason))).toContain('Error: Rendering was stopped before this article was done.')
    await expect(pool.render(sources[0]!)).rejects.toThrow(/stopped/)
  })
})
