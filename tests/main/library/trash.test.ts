import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { netflixFields, useTempLibrary } from './temp-library'

let library: Library
const session = useTempLibrary((opened) => {
  library = opened
})

describe('the trash', () => {
  it('moves a deleted article to the trash and restores it whole, history included', async () => {
    const article = await library.createArticle(netflixFields())
    await library.saveArticle(article.id, { dek: 'Edited' })
    await library.trashArticle(article.id)
    expect(await library.listArticles({})).toEqual([])
    const [trashed] = await library.listTrash()
    expect(trashed).toMatchObject({ id: article.id, title: article.title })
    expect(Date.parse(trashed!.trashedAt)).toBeGreaterThan(0)
    await expect(library.getArticle(article.id)).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('trash') })

    const restored = await library.restoreArticle(article.id)
    expect(restored).toMatchObject({ id: article.id, dek: 'Edited', body: article.body })
    expect(await library.listTrash()).toEqual([])
    expect((await library.listArticles({})).map((h) => h.id)).toEqual([article.id])
    expect(await library.listRevisions(article.id)).toHaveLength(2)
  })

  it('gives a restored article a new slug if its own was taken meanwhile', async () => {
    const first = await library.createArticle({ title: 'Launch day' })
    await library.trashArticle(first.id)
    const second = await library.createArticle({ title: 'Launch day' })
    expect(second.slug).toBe('launch-day')
    expect((await library.restoreArticle(first.id)).slug).toBe('launch-day-2')
  })

  it('keeps the trash, with the time of deletion, even when the index is lost', async () => {
    const article = await library.createArticle({ title: 'Gone soon' })
    await library.trashArticle(article.id)
    const [before] = await library.listTrash()
    const { rm } = await import('node:fs/promises')
    await rm(join(session.dir, 'copydesk-library.json'))
    await rm(join(session.dir, 'copydesk-library.journal'))
    const reopened = await session.reopen()
    expect(await reopened.listTrash()).toEqual([before])
  })

  it('empties the trash for good, revisions included', async () => {
    const kept = await library.createArticle({ title: 'Kept' })
    for (const title of ['One', 'Two']) await library.trashArticle((await library.createArticle({ title })).id)
    expect(await library.emptyTrash()).toEqual({ removed: 2 })
    expect(await library.listTrash()).toEqual([])
    expect(await readdir(join(session.dir, 'trash'))).toEqual([])
    expect(await readdir(join(session.dir, 'revisions'))).toEqual([kept.id])
    await expect(library.restoreArticle(kept.id)).rejects.toMatchObject({ code: 'not-found' })
  })
})
