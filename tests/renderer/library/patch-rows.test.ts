import { describe, expect, it } from 'vitest'
import { articleSummary } from '../../../src/main/library/summary'
import type { ArticleChanges, ListQuery } from '../../../src/shared/library-api'
import { noSaves, patchRow, patchRows, withSave } from '../../../src/renderer/src/library/patch-rows'
import { addFixtureArticles, useTempLibrary } from '../../main/library/temp-library'

// Netflix, Entrepreneurs, Google: created in that order, so the newest (Google) lists first.
const env = useTempLibrary(async (library) => void (await addFixtureArticles(library)))
const idOf = async (title: string): Promise<string> => (await env.library.listArticles({})).find((hit) => hit.title.startsWith(title))!.id
const titles = (rows: { title: string }[]): string[] => rows.map((row) => row.title.split(' ')[0]!)

/** Lists, saves through the library as main does, and patches the first answer with the row the save answers with. */
async function saveAndPatch(request: ListQuery, id: string, changes: ArticleChanges) {
  const before = await env.library.listArticles(request)
  const patched = patchRow(before, articleSummary(await env.library.saveArticle(id, changes)), request)
  return { before, patched, fresh: await env.library.listArticles(request) }
}

describe('patchRow puts a saved row where listArticles would list it', () => {
  it('moves an article edited just now to the top of the newest-first list, with its new title and counts', async () => {
    const id = await idOf('Netflix')
    const { before, patched, fresh } = await saveAndPatch({ sort: 'updated' }, id, { title: 'Netflix Renamed', tags: ['AI', 'Streaming'] })
    expect(titles(before)).toEqual(['Begin', 'What', 'Netflix'])
    expect(titles(patched)).toEqual(['Netflix', 'Begin', 'What'])
    expect(patched).toEqual(fresh)
  })

  it('moves a retitled article to its place by title, as people read titles', async () => {
    const id = await idOf('Begin')
    const toEnd = await saveAndPatch({ sort: 'title' }, id, { title: 'zebra crossings' })
    expect(titles(toEnd.patched)).toEqual(['Netflix', 'What', 'zebra'])
    expect(toEnd.patched).toEqual(toEnd.fresh)
    const between = await saveAndPatch({ sort: 'title' }, id, { title: 'Part 10' })
    expect(titles(between.patched)).toEqual(['Netflix', 'Part', 'What'])
    expect(between.patched).toEqual(between.fresh)
  })

  it('adds an article to a tag-filtered list when it gains the tag, and drops it when it loses it', async () => {
    const id = await idOf('What')
    const gained = await saveAndPatch({ tag: 'ai', sort: 'updated' }, id, { tags: ['Entrepreneurship', 'AI'] })
    expect(titles(gained.before)).toEqual(['Begin', 'Netflix'])
    expect(titles(gained.patched)).toEqual(['What', 'Begin', 'Netflix'])
    expect(gained.patched).toEqual(gained.fresh)
    const lost = await saveAndPatch({ tag: 'ai', sort: 'updated' }, id, { tags: [] })
    expect(titles(lost.patched)).toEqual(['Begin', 'Netflix'])
    expect(lost.patched).toEqual(lost.fresh)
  })

  it('leaves a list alone when the saved article neither was nor is in it', async () => {
    const id = await idOf('What')
    const { before, patched, fresh } = await saveAndPatch({ author: 'Ada Lovelace' }, id, { dek: 'Still by Hajra' })
    expect(patched).toBe(before)
    expect(fresh).toEqual([])
  })

  it('updates a search hit where it ranks, keeping its excerpt, and adds nothing a search has not found', async () => {
    const netflix = await idOf('Netflix')
    const request: ListQuery = { query: 'AI', sort: 'relevance' }
    const { before, patched } = await saveAndPatch(request, netflix, { title: 'Netflix Renamed' })
    expect(before.length).toBeGreaterThan(1)
    expect(patched.map((hit) => hit.id)).toEqual(before.map((hit) => hit.id))
    const hit = patched.find((row) => row.id === netflix)!
    expect(hit.title).toBe('Netflix Renamed')
    expect(hit.excerpt).toBe(before.find((row) => row.id === netflix)!.excerpt)

    const narrow: ListQuery = { query: 'pangolin', sort: 'relevance' }
    const outside = await saveAndPatch(narrow, netflix, { dek: 'A pangolin walked in.' })
    expect(outside.before).toEqual([])
    expect(outside.patched).toBe(outside.before)
  })
})

describe('patchRows', () => {
  it('puts in only the saves that arrived after the answer was asked for, the latest per article', async () => {
    const [google, entrepreneurs] = (await env.library.listArticles({})).map((hit) => hit.id)
    const request: ListQuery = { sort: 'updated' }
    const asked = await env.library.listArticles(request)
    let saves = withSave(noSaves, articleSummary(await env.library.saveArticle(entrepreneurs!, { title: 'What first' })))
    const askedAfterFirst = await env.library.listArticles(request)
    saves = withSave(saves, articleSummary(await env.library.saveArticle(google!, { title: 'Begin again' })))
    saves = withSave(saves, articleSummary(await env.library.saveArticle(entrepreneurs!, { title: 'What second' })))
    const fresh = await env.library.listArticles(request)

    expect(patchRows(asked, saves, 0, request)).toEqual(fresh)
    expect(patchRows(askedAfterFirst, saves, 1, request)).toEqual(fresh)
    expect(titles(fresh)).toEqual(['What', 'Begin', 'Netflix'])
    // An answer asked for after every save already shows them, and whatever changed since.
    expect(patchRows(fresh, saves, saves.count, request)).toBe(fresh)
  })
})
