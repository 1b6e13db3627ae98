import { createHash } from 'node:crypto'
import { appendFile, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { newArticle, newId } from '../../../src/main/library/article-rules'
import { entryOfRow, trashOfRow } from '../../../src/main/library/index-rows'
import { addFixtureArticles, useTempLibrary } from './temp-library'

let articles: Article[]
const session = useTempLibrary(async (library) => {
  articles = await addFixtureArticles(library)
  await library.saveArticle(articles[0]!.id, { dek: 'Saved after creation' })
})

const indexFile = (): string => join(session.dir, 'copydesk-library.json')
const journalFile = (): string => join(session.dir, 'copydesk-library.journal')
/** The snapshot (one row per entry) as the one object earlier versions wrote, without its seal. */
const asFormat1 = (text: string): { formatVersion: 1; articles: unknown[]; trash: unknown[] } => {
  const [header, ...rows] = text.trim().split('\n').map((line) => JSON.parse(line) as unknown)
  const { name, createdAt, generation, articles: live, trash } = header as { name: string; createdAt: string; generation: number; articles: number; trash: number }
  expect(rows).toHaveLength(live + trash + 1)
  const articles = (rows.slice(0, live) as unknown[][]).map((row) => entryOfRow(row))
  return { formatVersion: 1, name, createdAt, generation, articles, trash: (rows.slice(live, live + trash) as unknown[][]).map((row) => trashOfRow(row)) } as never
}
const titles = async (): Promise<string[]> => (await session.library.listArticles({ sort: 'title' })).map((h) => h.title).sort()

describe('recovery when opening a library', () => {
  it('rebuilds a missing index from the article files and says so', async () => {
    const before = await titles()
    await rm(indexFile())
    const library = await session.reopen()
    expect(library.info().notices).toEqual(['The library index was missing, so it was rebuilt from 3 article files.'])
    expect(await titles()).toEqual(before)
    expect((await library.getArticle(articles[0]!.id)).dek).toBe('Saved after creation')
    expect((await library.listArticles({ query: 'deepfakes' })).map((h) => h.id)).toEqual([articles[0]!.id])
  })

  it('rebuilds a corrupt index and keeps the damaged copy', async () => {
    const before = await titles()
    await writeFile(indexFile(), '{"formatVersion":1,"articles":[{"id":"zzzzzzzz","title":42}]')
    const library = await session.reopen()
    expect(library.info().notices[0]).toMatch(/^The library index was damaged, so it was rebuilt from 3 article files\. The damaged copy was kept as “damaged\/.+copydesk-library\.json”\.$/)
    expect(await titles()).toEqual(before)
    expect((await readdir(join(session.dir, 'damaged'))).some((name) => name.endsWith('copydesk-library.json'))).toBe(true)
  })

  it('rebuilds a truncated index', async () => {
    const before = await titles()
    const text = await readFile(indexFile(), 'utf8')
    await truncate(indexFile(), Math.floor(text.length / 2))
    const library = await session.reopen()
    expect(library.info().notices[0]).toMatch(/index was damaged/)
    expect(await titles()).toEqual(before)
  })

  it('opens an index of format 1 written without a seal (by an earlier version) as it is, and writes it again sealed, one line per entry', async () => {
    // Rebuilt, the snapshot holds every article rather than the journal.
    await rm(indexFile())
    await session.reopen()
    const before = await titles()
    const format1 = asFormat1(await readFile(indexFile(), 'utf8'))
    expect(format1.articles).toHaveLength(3)
    await writeFile(indexFile(), `${JSON.stringify(format1)}\n`)
    const library = await session.reopen()
    expect(library.info().notices).toEqual([])
    expect(await titles()).toEqual(before)
    expect(await readFile(indexFile(), 'utf8')).toMatch(/^\{"formatVersion":3,.*\n\{"sha256":"[0-9a-f]{64}"\}\n$/s)
  })

  it('opens a sealed index of format 1 an earlier version wrote in UTF-8 as it is, and writes it again in plain ASCII', async () => {
    await rm(indexFile())
    await session.reopen()
    await session.library.saveArticle(articles[1]!.id, { title: 'Café “déjà vu” — ヘディ' })
    await rm(indexFile())
    await session.reopen()
    const before = await titles()
    // As earlier versions wrote it: one object, the characters past ASCII as UTF-8, sealed with the digest of that text.
    const body = JSON.stringify(asFormat1(await readFile(indexFile(), 'utf8'))).slice(0, -1)
    const digest = createHash('sha256').update('copydesk-index-1').update(body).update('}').digest('hex')
    await writeFile(indexFile(), `${body},"sha256":"${digest}"}\n`)
    expect((await readFile(indexFile())).some((byte) => byte >= 0x80)).toBe(true)

    const library = await session.reopen()
    expect(library.info().notices).toEqual([])
    expect(await titles()).toEqual(before)
    expect(before).toContain('Café “déjà vu” — ヘディ')
    const rewritten = await readFile(indexFile())
    expect(rewritten.every((byte) => byte < 0x80)).toBe(true)
    expect(rewritten.toString('latin1')).toMatch(/^\{"formatVersion":3,/)
  })

  it('rebuilds an index cut short at the end of a line, which holds fewer entries than it says', async () => {
    await rm(indexFile())
    await session.reopen()
    const before = await titles()
    const [header, first] = (await readFile(indexFile(), 'utf8')).split('\n')
    await writeFile(indexFile(), `${header}\n${first}\n`)
    const library = await session.reopen()
    expect(library.info().notices[0]).toMatch(/^The library index was damaged, so it was rebuilt from 3 article files\./)
    expect(await titles()).toEqual(before)
  })

  it('ignores a half-written journal line and keeps writing after it', async () => {
    await appendFile(journalFile(), '{"put":"articles","entry":{"id":"half')
    const library = await session.reopen()
    expect(library.info().notices).toEqual([])
    await library.saveArticle(articles[1]!.id, { dek: 'After the torn line' })
    const again = await session.reopen()
    expect((await again.listArticles({})).map((h) => h.id).sort()).toEqual(articles.map((a) => a.id).sort())
    expect((await again.getArticle(articles[1]!.id)).dek).toBe('After the torn line')
  })

  it('skips a line another process appended that is not a valid change, says so, and rebuilds the index at the next opening', async () => {
    await session.library.listArticles({})
    // What an older or buggy writer might append while this library is open.
    await appendFile(journalFile(), 'null\n{"put":"articles","entry":{"id":"zzzzzzzz"}}\n')
    await session.library.saveArticle(articles[1]!.id, { dek: 'After the bad lines' })
    expect(session.library.info().notices).toEqual([
      'Another process added 2 lines to the library index journal that could not be read, so they were skipped; the index is rebuilt from the article files when the library is next opened.'
    ])
    const library = await session.reopen()
    expect(library.info().notices[0]).toMatch(/^The library index journal \(copydesk-library\.journal\) had 2 lines that could not be read, so they were set aside and the index was rebuilt from 3 article files\./)
    expect((await library.listArticles({})).map((h) => h.id).sort()).toEqual(articles.map((a) => a.id).sort())
    expect((await library.getArticle(articles[1]!.id)).dek).toBe('After the bad lines')
  })

  it('moves an unreadable article file aside and names it, keeping the others', async () => {
    const broken = articles[1]!
    await writeFile(join(session.dir, 'articles', `${broken.id}.json`), '{"title": "half a file')
    const library = await session.reopen()
    const [notice] = library.info().notices
    expect(notice).toContain(`“articles/${broken.id}.json” could not be read`)
    expect(notice).toMatch(/moved to “damaged\/\d+-.+\.json”/)
    expect((await library.listArticles({})).map((h) => h.id).sort()).toEqual([articles[0]!.id, articles[2]!.id].sort())
    const damaged = await readdir(join(session.dir, 'damaged'))
    expect(await readFile(join(session.dir, 'damaged', damaged.find((n) => n.includes(broken.id))!), 'utf8')).toBe('{"title": "half a file')
  })

  it('moves aside an article file that is valid JSON but not a valid article', async () => {
    const bad = { ...articles[2]!, body: { type: 'doc', content: [{ type: 'faq', content: [] }] } }
    await writeFile(join(session.dir, 'articles', `${bad.id}.json`), JSON.stringify(bad))
    const library = await session.reopen()
    expect(library.info().notices[0]).toContain(`articles/${bad.id}.json`)
    expect(library.info().articleCount).toBe(2)
  })

  it('drops leftovers of interrupted writes and picks up files changed outside the app', async () => {
    await writeFile(join(session.dir, 'articles', `${articles[0]!.id}.json.123456789`), '{"partial":')
    const edited = { ...articles[2]!, title: 'Edited in a text editor' }
    await writeFile(join(session.dir, 'articles', `${edited.id}.json`), JSON.stringify(edited, null, 2))
    const library = await session.reopen()
    expect(library.info().notices).toEqual([])
    expect(await readdir(join(session.dir, 'articles'))).toHaveLength(3)
    expect((await library.listArticles({ query: 'text editor' })).map((h) => h.id)).toEqual([edited.id])
  })

  it('folds a bulk of articles copied in into the index snapshot, so later openings do not replay them line by line', async () => {
    // A fresh snapshot, as after a sync clone: no journal lines yet.
    await rm(indexFile())
    await session.reopen()
    const copied = Array.from({ length: 600 }, (_, n) => newArticle({ title: `Copied in ${n}` }, newId(), new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(), () => false))
    for (const article of copied) await writeFile(join(session.dir, 'articles', `${article.id}.json`), JSON.stringify(article))
    const library = await session.reopen()
    expect(library.info().articleCount).toBe(603)
    // The journal holds its header only; the snapshot holds every article.
    expect((await readFile(journalFile(), 'utf8')).trim().split('\n')).toHaveLength(1)
    expect(asFormat1(await readFile(indexFile(), 'utf8')).articles).toHaveLength(603)
    expect((await session.reopen()).info().articleCount).toBe(603)
  })

  it('takes an article whose file vanished off the list, and says so', async () => {
    await rm(join(session.dir, 'articles', `${articles[2]!.id}.json`))
    const library = await session.reopen()
    expect(library.info().notices).toEqual([`“${articles[2]!.title}” was listed but its file is gone, so it was taken off the list.`])
    expect(library.info().articleCount).toBe(2)
  })
})
