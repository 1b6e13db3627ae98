import { spawnSync } from 'node:child_process'
import { readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import type { BodyDoc } from '../../../src/shared/article/body'
import { writeArticleFile } from '../../../src/main/library/article-files'
import { newArticle, newId } from '../../../src/main/library/article-rules'
import { libraryPaths, SEARCH_FILE } from '../../../src/main/library/layout'
import { openLibrary, type Library } from '../../../src/main/library/library'
import { readSearchFile } from '../../../src/main/library/search-file'
import { netflixFields, relatedFields, useTempLibrary } from './temp-library'

const session = useTempLibrary()

const paragraph = (text: string): BodyDoc => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
const found = async (library: Library, query: string): Promise<string[]> => (await library.listArticles({ query })).map((hit) => hit.id).sort()

/** Closing writes the search index back; the next opening of the same folder reads it. */
async function reopenSearchable(): Promise<Library> {
  const library = await session.reopen()
  await library.searchReady()
  return library
}

describe('the saved search index', () => {
  it('is written once search is ready and read back on the next opening, without reading unchanged articles again', async () => {
    const netflix = await session.library.createArticle(netflixFields())
    await session.library.searchReady()
    const paths = libraryPaths(session.dir)
    await session.library.close()
    // A whole-second modification time survives being set back exactly.
    const when = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
    await utimes(paths.article(netflix.id), when, when)
    // Without a saved index the next opening indexes every article and saves at once (one changed article alone waits for more).
    await rm(paths.search)
    await reopenSearchable()
    await session.library.close()
    const saved = await readSearchFile(paths.search)
    expect(saved).not.toBeNull()
    saved?.close()

    // Same size, same modification time: the library trusts the file unchanged, and so does search, which keeps what it saved.
    const text = await readFile(paths.article(netflix.id), 'utf8')
    await writeFile(paths.article(netflix.id), text.replaceAll('deepfakes', 'pangolins'))
    await utimes(paths.article(netflix.id), when, when)
    const library = await reopenSearchable()
    expect(await found(library, 'deepfakes')).toEqual([netflix.id])
    expect(await found(library, 'pangolins')).toEqual([])
  })

  it('is read back when no article has tags, so opening does not read every article again', async () => {
    const untagged = await session.library.createArticle({ ...netflixFields(), tags: [] })
    await session.library.searchReady()
    const { search } = libraryPaths(session.dir)
    await session.library.close()
    const saved = await readSearchFile(search)
    expect(saved).not.toBeNull()
    saved?.close()
    const library = await reopenSearchable()
    expect(await found(library, 'deepfakes')).toEqual([untagged.id])
  })

  it('catches up with what changed while it was closed: edits, deletions and new articles', async () => {
    const netflix = await session.library.createArticle(netflixFields())
    const [entrepreneurs] = await Promise.all(relatedFields().map((fields) => session.library.createArticle(fields)))
    await session.library.searchReady()
    await session.library.close()

    // Another process, one that never searches, as a CLI command would.
    const other = await openLibrary(session.dir, 'existing', { indexNow: false })
    await other.saveArticle(netflix.id, { body: paragraph('A pangolin walked into the writers’ room.') })
    await other.trashArticle(entrepreneurs!.id)
    const added = await other.createArticle({ title: 'Okapi sightings' })
    await other.close()

    const library = await reopenSearchable()
    expect(await found(library, 'pangolin')).toEqual([netflix.id])
    expect(await found(library, 'controversial')).toEqual([])
    expect(await found(library, 'entrepreneurs')).toEqual([])
    expect(await found(library, 'okapi')).toEqual([added.id])
  })

  it('is rebuilt from the articles when it is damaged, cut short or of another format', async () => {
    const netflix = await session.library.createArticle(netflixFields())
    await session.library.searchReady()
    await session.library.close()
    const file = libraryPaths(session.dir).search
    const good = await readFile(file)
    const flipped = Buffer.from(good)
    flipped[Math.floor(flipped.length * 0.8)]! ^= 0xff
    const otherFormat = Buffer.from(good)
    otherFormat.writeUInt32LE(99, 16)
    const damage: [string, () => Promise<void>][] = [
      ['garbage', () => writeFile(file, 'not a search index')],
      ['cut short', () => truncate(file, Math.floor(good.length / 2))],
      ['one byte flipped', () => writeFile(file, flipped)],
      ['another format', () => writeFile(file, otherFormat)],
      ['empty', () => writeFile(file, '')]
    ]
    for (const [what, spoil] of damage) {
      await spoil()
      const library = await reopenSearchable()
      expect(await found(library, 'deepfakes'), what).toEqual([netflix.id])
      expect(await found(library, 'netflix hollywood'), what).toEqual([netflix.id])
      await library.close()
      const saved = await readSearchFile(file)
      expect(saved, `${what}: written anew`).not.toBeNull()
      saved?.close()
    }
  })

  it('keeps up with saves and deletions made while it is being built', async () => {
    const paths = libraryPaths(session.dir)
    const articles = await Promise.all(
      relatedFields()
        .flatMap((fields) => Array.from({ length: 150 }, (_, i) => ({ ...fields, title: `${fields.title} ${i}` })))
        .map(async (fields) => {
          const article = newArticle(fields, newId(), new Date().toISOString(), () => false)
          await writeArticleFile(paths.article(article.id), article)
          return article
        })
    )
    // Opening indexes the files added behind its back, then starts building search; the writes below land while it runs.
    const library = await session.reopen()
    const [edited, trashed] = [articles[10]!, articles[200]!]
    await Promise.all([library.saveArticle(edited.id, { body: paragraph('An okapi in the newsroom.') }), library.trashArticle(trashed.id)])
    const check = async (searched: Library): Promise<void> => {
      expect(await found(searched, 'okapi')).toEqual([edited.id])
      for (const article of articles) {
        const hits = await found(searched, article.title)
        if (article === trashed) expect(hits).toEqual([])
        else expect(hits, article.title).toContain(article.id)
      }
    }
    await check(library)
    await check(await reopenSearchable())
  })

  it('removes the temp file of a writer that was killed while saving it', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    const leftover = `${SEARCH_FILE}.${dead}.0badf00d.tmp`
    await writeFile(libraryPaths(session.dir).search.replace(SEARCH_FILE, leftover), 'half a file')
    await session.library.createArticle(netflixFields())
    await session.library.searchReady()
    await session.library.close()
    const names = await readdir(session.dir)
    expect(names).toContain(SEARCH_FILE)
    expect(names).not.toContain(leftover)
    expect((await stat(libraryPaths(session.dir).search)).size).toBeGreaterThan(0)
  })

  it('rewrites itself a few seconds after enough changes, not inside the save that made it due', async () => {
    const paths = libraryPaths(session.dir)
    const article = await session.library.createArticle(netflixFields())
    await session.library.searchReady()
    const written = (await stat(paths.search)).ino
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      for (let i = 0; i < 200; i += 1) await session.library.saveArticle(article.id, { body: paragraph(`Edit number ${i} of many.`) })
      // Atomic writes replace the file, so a rewrite shows as a new inode.
      expect((await stat(paths.search)).ino, 'no rewrite inside the 200th save').toBe(written)
      vi.advanceTimersByTime(4_900)
      // Real time (these timers are not faked) for a write started too early to land: writing one article's index takes milliseconds.
      await sleep(500)
      expect((await stat(paths.search)).ino, 'still waiting after 4.9 s').toBe(written)
      vi.advanceTimersByTime(100)
      await vi.waitFor(async () => expect((await stat(paths.search)).ino).not.toBe(written), { timeout: 30_000, interval: 50 })
    } finally {
      vi.useRealTimers()
    }
    const saved = await readSearchFile(paths.search)
    expect(saved).not.toBeNull()
    saved?.close()
    const library = await reopenSearchable()
    expect(await found(library, 'number 199')).toEqual([article.id])
  })
})
