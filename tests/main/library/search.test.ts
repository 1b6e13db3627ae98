import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { Library } from '../../../src/main/library/library'
import { addFixtureArticles, useTempLibrary } from './temp-library'

let library: Library
let netflix: Article
let related: Article[]
useTempLibrary(
  async (opened) => {
    library = opened
    const articles = await addFixtureArticles(opened)
    netflix = articles[0]!
    related = articles.slice(1)
  },
  { once: true }
)

const ids = (hits: { id: string }[]): string[] => hits.map((h) => h.id)

describe('search and listing', () => {
  it('finds an article by a word of its title, its body, an FAQ question or a tag, quoting around the match', async () => {
    for (const query of ['netflix bets', 'deepfakes', 'controversial', 'hollywood']) {
      const hits = await library.listArticles({ query })
      expect(ids(hits), query).toContain(netflix.id)
    }
    const [hit] = await library.listArticles({ query: 'controversial' })
    expect(hit!.excerpt.toLowerCase()).toContain('controversial')
    expect(hit!.excerpt.length).toBeLessThan(260)
  })

  it('matches the word being typed as a prefix', async () => {
    expect(ids(await library.listArticles({ query: 'deepfa' }))).toContain(netflix.id)
  })

  it('returns no excerpt without a query and nothing for words no article has', async () => {
    const all = await library.listArticles({})
    expect(all).toHaveLength(3)
    expect(all.every((h) => h.excerpt === '')).toBe(true)
    expect(await library.listArticles({ query: 'xylophonequartet' })).toEqual([])
  })

  it('filters by status, tag and author, case-insensitively', async () => {
    expect(ids(await library.listArticles({ status: netflix.status }))).toContain(netflix.id)
    expect(ids(await library.listArticles({ status: 'published', query: 'netflix' }))).not.toContain(netflix.id)
    expect(ids(await library.listArticles({ tag: 'generative ai' }))).toEqual([netflix.id])
    expect(ids(await library.listArticles({ author: netflix.authors[0]!.toUpperCase() }))).toContain(netflix.id)
    expect(await library.listArticles({ author: 'Nobody Atall' })).toEqual([])
  })

  it('sorts by last update or by title', async () => {
    const byTitle = (await library.listArticles({ sort: 'title' })).map((h) => h.title)
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b)))
    const touched = related[0]!
    await library.saveArticle(touched.id, { dek: 'Freshly edited' })
    expect((await library.listArticles({}))[0]!.id).toBe(touched.id)
    expect((await library.listArticles({ sort: 'updated' }))[0]!.id).toBe(touched.id)
  })

  it('follows saves and deletions at once', async () => {
    const article = await library.createArticle({ title: 'Quarterly earnings' })
    expect(await library.listArticles({ query: 'pangolin' })).toEqual([])
    await library.saveArticle(article.id, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A pangolin walked in.' }] }] } })
    expect(ids(await library.listArticles({ query: 'pangolin' }))).toEqual([article.id])
    await library.saveArticle(article.id, { title: 'Annual earnings' })
    expect(ids(await library.listArticles({ query: 'quarterly' }))).not.toContain(article.id)
    await library.trashArticle(article.id)
    expect(await library.listArticles({ query: 'pangolin' })).toEqual([])
  })
})
