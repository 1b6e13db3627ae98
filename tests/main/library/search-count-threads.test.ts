import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { writeArticleFile } from '../../../src/main/library/article-files'
import { newArticle, newId } from '../../../src/main/library/article-rules'
import { libraryPaths, type LibraryPaths } from '../../../src/main/library/layout'
import { COUNT_THREADS, CountingThreads } from '../../../src/main/library/search-count-threads'
import { SearchIndex, searchFields, type SearchMatch } from '../../../src/main/library/search-index'
import { LibrarySearch } from '../../../src/main/library/search-service'
import type { IndexEntry } from '../../../src/main/library/summary'
import { forgetBundledThread, useBundledThread } from '../../../src/main/threads/bundled-threads'
import { hostingPromo } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { sampleWords, syntheticArticles } from '../../bench/synthetic-articles'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  forgetBundledThread('search')
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

interface Written {
  paths: LibraryPaths
  articles: Article[]
  /** The library's index of articles as search follows it, by id. */
  entries: Map<string, IndexEntry>
  /** The ids of the damaged file and the one holding another article. */
  unreadable: string[]
}

const entryOf = (article: Article, size = 1): IndexEntry => ({ updatedAt: article.updatedAt, stamp: { mtimeMs: 1, size } }) as unknown as IndexEntry

/** `count` synthetic articles written as files, and, listed but not readable as themselves, one damaged file and one holding another article. */
async function writtenLibrary(count: number): Promise<Written> {
  const temp = await makeTempDir('copydesk-search-threads-')
  cleanups.push(temp.cleanup)
  const paths = libraryPaths(temp.path)
  await mkdir(paths.articles)
  const articles = syntheticArticles(count, hostingPromo().id, 5).map((fields) => newArticle(fields, newId(), '2026-01-01T00:00:00.000Z', () => false))
  await Promise.all(articles.map((article) => writeArticleFile(paths.article(article.id), article)))
  const [damaged, elsewhere] = [newId(), newId()]
  await writeFile(paths.article(damaged), '{"title": "cut sh')
  await writeArticleFile(paths.article(elsewhere), articles[0]!)
  const entries = new Map(articles.map((article) => [article.id, entryOf(article)]))
  for (const id of [damaged, elsewhere]) entries.set(id, entryOf(articles[0]!))
  return { paths, articles, entries, unreadable: [damaged, elsewhere] }
}

/** Words of the articles, a prefix, two words, a typo: what the bench asks. */
const queriesOf = (articles: Article[]): string[] => {
  const words = sampleWords(articles, 40)
  return words.flatMap((word, i) => [word, word.slice(0, 4), `${word} ${words[(i * 13) % words.length]}`, `${word.slice(0, 3)}x${word.slice(4)}`])
}

/** The number of the next thread this process starts: each thread gets the next number, so two probes tell how many started in between. */
async function nextThreadId(): Promise<number> {
  const probe = new Worker('', { eval: true })
  const id = probe.threadId
  await probe.terminate()
  return id
}

const answers = async (search: LibrarySearch, queries: string[]): Promise<SearchMatch[][]> => {
  const all: SearchMatch[][] = []
  for (const query of queries) all.push(await search.find(query, () => true))
  return all
}

/** Builds search for `written` (on threads from `threadsFrom` articles), answers `queries`, closes it; the answers and the file it saved. */
async function built(written: Written, threadsFrom: number, queries: string[], file: string): Promise<{ answers: SearchMatch[][]; saved: Buffer }> {
  const search = new LibrarySearch({ ...written.paths, search: file }, written.entries, threadsFrom)
  await search.ready()
  const found = await answers(search, queries)
  await search.close()
  return { answers: found, saved: await readFile(file) }
}

describe('counting a first build’s words on threads', () => {
  it('counts each article as the index counts it, however the threads number the words', async () => {
    const { paths, articles, entries, unreadable: listed } = await writtenLibrary(300)
    const ids = [...entries.keys()]
    const here = SearchIndex.empty()
    const counted = SearchIndex.empty()
    for (const index of [here, counted]) index.beginBulk()
    for (const article of articles) here.upsert(article.id, 'v', searchFields(article))
    // Batches of 7, so each of the two threads numbers words the other met first.
    const threads = new CountingThreads(2, Math.ceil(ids.length / 7), (batch) => {
      const some = ids.slice(batch * 7, batch * 7 + 7)
      return { batch, ids: some, files: some.map(paths.article) }
    }, (word) => counted.termOf(word))
    try {
      const unreadable: string[] = []
      for (let batch = 0; batch * 7 < ids.length; batch++) {
        const fields = await threads.counted(batch)
        ids.slice(batch * 7, batch * 7 + 7).forEach((id, i) => {
          if (fields[i]) counted.upsertCounted(id, 'v', fields[i])
          else unreadable.push(id)
        })
      }
      expect(unreadable.sort()).toEqual([...listed].sort())
    } finally {
      await threads.close()
    }
    for (const index of [here, counted]) index.endBulk()
    for (const query of queriesOf(articles)) expect(counted.search(query, () => true), query).toEqual(here.search(query, () => true))
    expect(counted.snapshot()).toEqual(here.snapshot())
  })

  it('gives search the same answers, and saves the same file, as a build on the main thread', async () => {
    const written = await writtenLibrary(200)
    const queries = queriesOf(written.articles)
    const warned = vi.spyOn(console, 'warn')
    const before = await nextThreadId()
    const onThreads = await built(written, 0, queries, join(written.paths.articles, '..', 'threads'))
    expect(await nextThreadId()).toBe(before + COUNT_THREADS + 1)
    const here = await built(written, Infinity, queries, join(written.paths.articles, '..', 'here'))
    expect(warned).not.toHaveBeenCalled()
    expect(onThreads.answers.flat().length).toBeGreaterThan(1000)
    expect(onThreads.answers).toEqual(here.answers)
    expect(onThreads.saved.equals(here.saved)).toBe(true)
  })

  it('keeps a save and a deletion made while the threads count, over what they read of those articles', async () => {
    const written = await writtenLibrary(300)
    const search = new LibrarySearch({ ...written.paths, search: join(written.paths.articles, '..', 'search') }, written.entries, 0)
    let ready = false
    const asked = vi.spyOn(CountingThreads.prototype, 'counted')
    const building = search.ready().then(() => (ready = true))
    // Once the build waits for its first counted batch, it has listed what to index and the threads have the files, as
    // they were: the save below comes after they read them (the files stay as they were), before the build is done.
    await vi.waitFor(() => expect(asked).toHaveBeenCalled(), { timeout: 30_000 })
    expect(ready).toBe(false)
    const [edited, deleted] = [written.articles[10]!, written.articles[200]!]
    const saved = { ...edited, title: 'An okapi in the newsroom', updatedAt: '2026-02-01T00:00:00.000Z' }
    written.entries.set(edited.id, entryOf(saved, 2))
    search.put(saved, entryOf(saved, 2))
    written.entries.delete(deleted.id)
    search.remove(deleted.id)
    await building
    expect((await search.find('okapi', () => true)).map((hit) => hit.id)).toEqual([edited.id])
    expect((await search.find(edited.title, () => true)).map((hit) => hit.id)).not.toContain(edited.id)
    expect((await search.find(deleted.title, () => true)).map((hit) => hit.id)).not.toContain(deleted.id)
    await search.close()
    // The saved index says which version it holds: the next opening reads neither article again.
    const reopened = new LibrarySearch({ ...written.paths, search: join(written.paths.articles, '..', 'search') }, written.entries, 0)
    await reopened.ready()
    expect((await reopened.find('okapi', () => true)).map((hit) => hit.id)).toEqual([edited.id])
    await reopened.close()
  })

  it('stops when closed while the threads count, and the next opening finishes the build', async () => {
    const written = await writtenLibrary(300)
    const file = join(written.paths.articles, '..', 'search')
    const queries = queriesOf(written.articles).slice(0, 40)
    const warned = vi.spyOn(console, 'warn')
    const search = new LibrarySearch({ ...written.paths, search: file }, written.entries, 0)
    const asked = vi.spyOn(CountingThreads.prototype, 'counted')
    const building = search.ready()
    await vi.waitFor(() => expect(asked).toHaveBeenCalled(), { timeout: 30_000 })
    await search.close()
    await building
    const { answers: whole } = await built(written, Infinity, queries, join(written.paths.articles, '..', 'whole'))
    const reopened = new LibrarySearch({ ...written.paths, search: file }, written.entries, 0)
    await reopened.ready()
    expect(await answers(reopened, queries)).toEqual(whole)
    await reopened.close()
    expect(warned).not.toHaveBeenCalled()
  })

  // A build whose search thread is broken: its script is not there (the threads fail once started), or its name is not
  // one a thread can start from (starting one throws at once, as in a build that names no search thread).
  it.each([
    { broken: 'a missing script', script: (dir: string) => join(dir, 'no-such-search-worker.js'), said: 'a thread counting its words failed' },
    { broken: 'a name no thread starts from', script: () => 'no-such-search-worker.js', said: 'the threads counting its words could not start' }
  ])('builds search on the main thread, with the same answers, when its threads cannot run ($broken)', async ({ script, said }) => {
    const written = await writtenLibrary(200)
    const queries = queriesOf(written.articles).slice(0, 40)
    const { answers: here } = await built(written, Infinity, queries, join(written.paths.articles, '..', 'here'))
    useBundledThread('search', script(written.paths.articles))
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { answers: fallen } = await built(written, 0, queries, join(written.paths.articles, '..', 'fallen'))
    expect(warned).toHaveBeenCalledWith(expect.stringContaining(said), expect.any(String))
    expect(fallen).toEqual(here)
  })
})
