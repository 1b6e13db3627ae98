import { readFile, rm, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { UserError } from '../../../src/shared/ipc/result'
import { readIndexedArticle } from '../../../src/main/library/article-source'
import { addFixtureArticles, useTempLibrary } from './temp-library'

/**
 * Bulk readers (site export) read article files through the library's index
 * instead of getArticle: files the library checked are only parsed, any
 * other file is checked as getArticle checks it.
 */
let articles: Article[]
const session = useTempLibrary(async (library) => {
  articles = await addFixtureArticles(library)
})

const sourceOf = async (id: string) => (await session.library.articleSources()).get(id)!
const editByHand = async (id: string, edit: (article: Record<string, unknown>) => void): Promise<void> => {
  const file = session.library.paths.article(id)
  const article = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  edit(article)
  await writeFile(file, JSON.stringify(article, null, 2))
}
const refusal = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => null, (error: unknown) => error)

describe('reading the articles of a library in bulk', () => {
  it('gives every article exactly as getArticle does', async () => {
    const sources = await session.library.articleSources()
    expect([...sources.keys()].sort()).toEqual(articles.map((article) => article.id).sort())
    for (const article of articles) expect(await readIndexedArticle(sources.get(article.id)!)).toEqual(await session.library.getArticle(article.id))
  })

  it('gives only the live articles asked for, the same sources as the full list', async () => {
    const [first, second] = articles
    await session.library.trashArticle(second!.id)
    const all = await session.library.articleSources()
    const some = await session.library.articleSources([first!.id, second!.id, 'no-such-article-id'])
    expect([...some.keys()]).toEqual([first!.id])
    expect(some.get(first!.id)).toEqual(all.get(first!.id))
  })

  it('reads a file edited by hand as it is now, once it passes the check', async () => {
    const source = await sourceOf(articles[0]!.id)
    await editByHand(articles[0]!.id, (article) => (article['title'] = 'Retitled in a text editor'))
    expect((await readIndexedArticle(source)).title).toBe('Retitled in a text editor')
  })

  it('refuses a file edited by hand into an invalid article, in the same words as getArticle', async () => {
    const id = articles[0]!.id
    const source = await sourceOf(id)
    await editByHand(id, (article) => {
      const body = article['body'] as { content: unknown[] }
      body.content.push({ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] })
    })
    const bulk = await refusal(readIndexedArticle(source))
    expect(bulk).toBeInstanceOf(UserError)
    expect(bulk).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('javascript:alert(1)') })
    expect(bulk).toEqual(await refusal(session.library.getArticle(id)))
  })

  it('refuses a file that is not JSON any more, and one that is gone, in the same words as getArticle', async () => {
    const [damaged, deleted] = articles
    const sources = await session.library.articleSources()
    await writeFile(session.library.paths.article(damaged!.id), '{ "title": "half a file')
    await rm(session.library.paths.article(deleted!.id))
    for (const id of [damaged!.id, deleted!.id]) {
      const bulk = await refusal(readIndexedArticle(sources.get(id)!))
      expect(bulk).toBeInstanceOf(UserError)
      expect(bulk).toEqual(await refusal(session.library.getArticle(id)))
    }
  })
})
