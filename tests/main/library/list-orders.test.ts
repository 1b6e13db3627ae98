import { describe, expect, it, vi } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { listOrder } from '../../../src/shared/article-list'
import type { SearchHit } from '../../../src/shared/library-api'
import { useTempLibrary } from './temp-library'

let library: Library
const session = useTempLibrary((opened) => {
  library = opened
})

const ids = (rows: SearchHit[]): string[] => rows.map((row) => row.id)
/** The list as a full sort of every live article would give it. */
const sortedAfresh = (rows: SearchHit[], sort: 'updated' | 'title'): string[] => ids([...rows].sort(listOrder(sort)))

describe('the article list kept in order', () => {
  it('follows creations, saves, retitles, trash and restore in both orders, as a full sort would', async () => {
    const titles = ['Zebra', 'apple', 'Mango', 'Éclair', 'banana', 'Cherry', 'apple']
    const created = []
    for (const title of titles) created.push(await library.createArticle({ title, status: title === 'Mango' ? 'approved' : 'draft' }))
    // Both orders are built before the changes, so every change below goes through the kept orders.
    await library.listArticles({ sort: 'title' })
    await library.listArticles({})

    // Retitles that move an article up and down the list by title, and a save that leaves its place there.
    await library.saveArticle(created[0]!.id, { title: 'Aardvark' })
    await library.saveArticle(created[4]!.id, { title: 'Yam' })
    await library.saveArticle(created[3]!.id, { dek: 'Saved last, so first by date' })
    await library.trashArticle(created[2]!.id)
    await library.createArticle({ title: 'Kiwi' })
    await library.restoreArticle(created[2]!.id)
    await library.trashArticle(created[5]!.id)

    for (const sort of ['title', 'updated'] as const) {
      const listed = await library.listArticles({ sort })
      expect(listed).toHaveLength(titles.length)
      expect(ids(listed)).toEqual(sortedAfresh(listed, sort))
    }
    expect((await library.listArticles({ sort: 'title' })).map((row) => row.title)).toEqual(['Aardvark', 'apple', 'apple', 'Éclair', 'Kiwi', 'Mango', 'Yam'])
    expect(ids(await library.listArticles({ status: 'approved', sort: 'title' }))).toEqual([created[2]!.id])
    // What a reopened library lists, from its files, is the same.
    const kept = ids(await library.listArticles({ sort: 'title' }))
    const reopened = await session.reopen()
    expect(ids(await reopened.listArticles({ sort: 'title' }))).toEqual(kept)
  })

  it('sorts the library once, not at every listing or save', async () => {
    for (const title of ['One', 'Two', 'Three', 'Four']) await library.createArticle({ title })
    await library.listArticles({ sort: 'title' })
    await library.listArticles({})
    const sorts = vi.spyOn(Array.prototype, 'sort')
    try {
      const [first] = await library.listArticles({})
      await library.saveArticle(first!.id, { title: 'Renamed' })
      await library.listArticles({ sort: 'title' })
      await library.listArticles({ status: 'draft' })
      // Other arrays get sorted on the way (a slug's letters, revision ids); no array of articles does.
      const ofArticles = sorts.mock.contexts.filter((array) => (array as unknown[]).some((item) => typeof item === 'object' && item !== null && 'updatedAt' in item))
      expect(ofArticles).toEqual([])
    } finally {
      sorts.mockRestore()
    }
  })
})
