import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleSchema } from '../../../src/shared/article/article'
import { bodyStats } from '../../../src/shared/article/body'
import type { Library } from '../../../src/main/library/library'
import { netflixFields, useTempLibrary } from './temp-library'

let library: Library
const session = useTempLibrary((opened) => {
  library = opened
})

const articleFile = (id: string): Promise<string> => readFile(join(session.dir, 'articles', `${id}.json`), 'utf8')

describe('articles in the library', () => {
  it('creates a draft with every field of the format and a slug from its title', async () => {
    const article = await library.createArticle({ title: 'Netflix Bets Big on AI!' })
    expect(article).toMatchObject({ formatVersion: 1, slug: 'netflix-bets-big-on-ai', slugLocked: false, status: 'draft', authors: [], tags: [] })
    const onDisk = articleSchema.parse(JSON.parse(await articleFile(article.id)))
    expect(onDisk).toEqual(article)
  })

  it('lists the fixture with word count and reading time derived from its body', async () => {
    const article = await library.createArticle(netflixFields())
    const [hit] = await library.listArticles({})
    expect(hit).toMatchObject({ id: article.id, title: article.title, excerpt: '', ...bodyStats(article.body) })
    expect(hit!.words).toBeGreaterThan(500)
  })

  it('keeps slugs unique and lets the slug follow the title until someone edits it', async () => {
    const first = await library.createArticle({ title: 'Same title' })
    const second = await library.createArticle({ title: 'Same title' })
    expect([first.slug, second.slug]).toEqual(['same-title', 'same-title-2'])
    const imported = await library.createArticle({ title: 'Other', slug: 'same-title', slugLocked: true })
    expect(imported).toMatchObject({ slug: 'same-title-3', slugLocked: true })

    const retitled = await library.saveArticle(second.id, { title: 'A better title' })
    expect(retitled).toMatchObject({ slug: 'a-better-title', slugLocked: false })

    const edited = await library.saveArticle(second.id, { slug: 'hand-picked' })
    expect(edited).toMatchObject({ slug: 'hand-picked', slugLocked: true })
    expect((await library.saveArticle(second.id, { title: 'Renamed again' })).slug).toBe('hand-picked')

    await expect(library.saveArticle(second.id, { slug: 'same-title' })).rejects.toMatchObject({ code: 'conflict' })
    expect((await library.getArticle('hand-picked')).id).toBe(second.id)
  })

  it('refuses an invalid body or a javascript: link and leaves the file untouched', async () => {
    const article = await library.createArticle(netflixFields())
    const before = await articleFile(article.id)
    const unknownNode = { type: 'doc' as const, content: [{ type: 'marquee', content: [{ type: 'text', text: 'hi' }] }] }
    await expect(library.saveArticle(article.id, { body: unknownNode })).rejects.toMatchObject({ code: 'invalid-input' })
    const hostileLink = {
      type: 'doc' as const,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: ' JavaScript:alert(1)' } }] }] }]
    }
    await expect(library.saveArticle(article.id, { body: hostileLink })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('nothing was saved') })
    await expect(library.saveArticle(article.id, { slug: 'Not A Slug' })).rejects.toMatchObject({ code: 'invalid-input' })
    expect(await articleFile(article.id)).toBe(before)
  })

  it('treats a save that changes nothing as no save at all', async () => {
    const article = await library.createArticle({ title: 'Quiet' })
    const again = await library.saveArticle(article.id, { title: 'Quiet', tags: [] })
    expect(again.updatedAt).toBe(article.updatedAt)
    expect(await library.listRevisions(article.id)).toHaveLength(1)
  })

  it('saves by appending to the index journal, never rewriting the index of every article', async () => {
    for (let i = 0; i < 5; i++) await library.createArticle({ title: `Article ${i}` })
    const target = await library.createArticle({ title: 'Target' })
    const indexBefore = await readFile(join(session.dir, 'copydesk-library.json'), 'utf8')
    const journalBefore = (await readFile(join(session.dir, 'copydesk-library.journal'), 'utf8')).split('\n').length
    await library.saveArticle(target.id, { dek: 'A new dek' })
    expect(await readFile(join(session.dir, 'copydesk-library.json'), 'utf8')).toBe(indexBefore)
    expect((await readFile(join(session.dir, 'copydesk-library.journal'), 'utf8')).split('\n').length).toBe(journalBefore + 1)

    const reopened = await session.reopen()
    expect((await reopened.getArticle(target.id)).dek).toBe('A new dek')
    expect(reopened.info()).toMatchObject({ articleCount: 6, notices: [] })
  })

  it('keeps every one of many concurrent saves', async () => {
    const articles = await Promise.all(Array.from({ length: 12 }, (_, i) => library.createArticle({ title: `Parallel ${i}` })))
    await Promise.all(articles.map((a, i) => library.saveArticle(a.id, { dek: `dek ${i}` })))
    const reopened = await session.reopen()
    for (const [i, a] of articles.entries()) expect((await reopened.getArticle(a.id)).dek).toBe(`dek ${i}`)
    expect(new Set((await reopened.listArticles({})).map((h) => h.slug)).size).toBe(12)
  })

  it('duplicates an article as a new draft with its own id and slug', async () => {
    const original = await library.createArticle({ ...netflixFields(), status: 'approved' })
    const copy = await library.duplicateArticle(original.id)
    expect(copy.id).not.toBe(original.id)
    expect(copy).toMatchObject({ title: `${original.title} (copy)`, status: 'draft', body: original.body })
    expect(copy.slug).not.toBe(original.slug)
  })

  it('says plainly when an article does not exist', async () => {
    await expect(library.getArticle('no-such-article')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('no-such-article') })
    await expect(library.saveArticle('0000000000', { title: 'x' })).rejects.toMatchObject({ code: 'not-found' })
  })
})
