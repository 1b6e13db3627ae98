import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Article } from '../../shared/article/article'
import { readArticleText, reasonOf } from './article-files'
import type { LibraryPaths } from './layout'
import { readSearchFile, reopenPostings, writeSearchFile } from './search-file'
import type { CountingThreads, CountRequest } from './search-count-threads'
import { excerptFromFlat, flatText, SearchIndex, searchableText, searchFields, type CountedField, type SearchMatch, type SearchOptions } from './search-index'
import type { IndexEntry } from './summary'

const BUILD_BATCH = 32
/**
 * Re-indexing an article the saved file holds an older version of costs
 * about a millisecond at the next opening; past this many, rewriting the
 * file (a few tenths of a second for 10,000 articles) is the better deal.
 */
const REWRITE_AFTER = 200
/**
 * How long a rewrite that changes made due waits. Writing snapshots the whole
 * index on the main thread (over a second of CPU at 10,000 articles on a busy
 * laptop); done at once, it fell inside whatever made the 200th change: one
 * sync in ten, whose merge rereads twenty articles, took three times as long.
 */
const REWRITE_DELAY_MS = 5_000
/** Past this many articles to index, a table of every word (a few megabytes) pays for itself (SearchIndex.beginBulk). */
const BULK_AFTER = 100
/**
 * From this many articles to index, threads count their words. Starting two
 * of them and compiling the counting code again in each costs about 0.7 s of
 * CPU, and the build then takes about a fifth more CPU in all (each thread
 * keeps its own table of words, and both wait on memory at once); in return
 * the main thread does a quarter of the work, and the build can use two
 * cores. Measured on two shared cores: at 4,000 articles the threads took
 * 1.5 s more CPU than the main thread alone; at 50,000, 18 to 25 % more, with
 * the main thread's share down from 36 s to 9 s.
 */
const THREADS_FROM = 5000

/** Which version of an article was indexed: its update time and the stamp of the file it was read from. */
export const versionOf = (entry: Pick<IndexEntry, 'updatedAt' | 'stamp'>): string => `${entry.updatedAt} ${entry.stamp.mtimeMs} ${entry.stamp.size}`

/**
 * The search side of an open library. Nothing is indexed until the first
 * search (or, in the app, right after opening). Then the index saved by the
 * last session is read back (half a second for 10,000 articles) and
 * only the articles whose version changed since are read again. Saves and
 * changes from other processes update it as they happen, and it is written
 * back once enough changed, and on close.
 *
 * Only the first opening of a library reads every article: about 6 s of CPU
 * for 10,000 articles of 1,200 words, mostly splitting and counting words
 * (reading and parsing the files takes under 1 s). It goes in batches of 32
 * articles, each followed by a turn of the event loop, plus an occasional
 * merge of about 0.1 s, so IPC stays responsive. In a big build, threads read
 * and count the articles (CountingThreads) and the main thread only adds what
 * they counted, a fifth of the work: the index stays here, with saves made
 * meanwhile, and only compact counts cross over.
 */
export class LibrarySearch {
  private index = SearchIndex.empty()
  private building: Promise<void> | null = null
  private built = false
  /** Articles indexed or removed since the saved file was written. */
  private unsaved = 0
  private fileIsCurrent = false
  private writing: Promise<void> | null = null
  private rewriteTimer: NodeJS.Timeout | null = null
  private closed = false
  /** Recently quoted articles' text, made flat (flatText), by id. */
  private texts = new Map<string, string>()
  /**
   * The texts quoted for the search before: a search keeps those it quotes
   * again, and the rest are dropped. Typing a query quotes the same articles
   * again and again; a cache of the last 500 quoted, tried before, kept
   * every text long enough for the collector to move it to the old
   * generation, where a hundred different searches at 50,000 articles left
   * about 40 MB of them as garbage until its next full collection.
   */
  private lastTexts = new Map<string, string>()

  /**
   * `articles` is the library's live index of articles, which this follows.
   * A first build of `threadsFrom` articles or more reads and counts them on
   * threads (CountingThreads).
   */
  constructor(
    private readonly paths: LibraryPaths,
    private readonly articles: ReadonlyMap<string, IndexEntry>,
    private readonly threadsFrom = THREADS_FROM
  ) {}

  /** Resolves once every article is searchable. */
  ready(): Promise<void> {
    this.building ??= this.build()
    return this.building
  }

  /** The articles matching `query` and passing `keep`, best first or in the order asked for. */
  async find(query: string, keep: (id: string) => boolean, options?: SearchOptions): Promise<SearchMatch[]> {
    await this.ready()
    this.lastTexts = this.texts
    this.texts = new Map()
    return this.index.search(query, keep, options)
  }

  /** A quote from the article around the first of `terms`, read from its file: only the hits shown need one. */
  async excerpt(id: string, terms: string[]): Promise<string> {
    return excerptFromFlat(await this.textOf(id), terms)
  }

  /** The article's flat text, from the cache or its file. */
  private async textOf(id: string): Promise<string> {
    let text = this.cachedText(id)
    if (text === undefined) {
      const article = await readArticleText(this.paths.article(id))
      // Kept flat: flattening is the same for every quote of the article, and costs a copy of its text each time.
      text = article ? flatText(searchableText(article)) : ''
      this.texts.set(id, text)
    }
    return text
  }

  private forgetText(id: string): void {
    this.texts.delete(id)
    this.lastTexts.delete(id)
  }

  /** The article's flat text if this search or the one before quoted it. */
  private cachedText(id: string): string | undefined {
    let text = this.texts.get(id)
    if (text === undefined) {
      text = this.lastTexts.get(id)
      if (text !== undefined) this.texts.set(id, text)
    }
    return text
  }

  /** Follows a save: `article` as written, `entry` its new index entry. */
  put(article: Article, entry: IndexEntry): void {
    this.forgetText(article.id)
    if (!this.building) return
    this.index.upsert(article.id, versionOf(entry), searchFields(article))
    this.changed()
  }

  remove(id: string): void {
    this.forgetText(id)
    if (!this.building || !this.index.has(id)) return
    this.index.remove(id)
    this.changed()
  }

  /** Follows a change another process made: reads the article as it is now, or drops it if it is gone. */
  async reread(id: string): Promise<void> {
    const entry = this.articles.get(id)
    if (!entry || !this.building) return this.remove(id)
    this.forgetText(id)
    // The version is taken before the file is read, so the index never claims a newer version than it holds.
    const version = versionOf(entry)
    const article = await readArticleText(this.paths.article(id))
    if (article?.id !== id) return this.remove(id)
    this.index.upsert(id, version, searchFields(article))
    this.changed()
  }

  /** Waits for the build and writes the index back if the saved one is out of date. */
  async close(): Promise<void> {
    this.closed = true
    if (this.rewriteTimer) clearTimeout(this.rewriteTimer)
    await this.building
    if (this.building && this.worthWriting()) await this.write()
    await this.writing
    this.index.close()
  }

  private async build(): Promise<void> {
    const saved = await readSearchFile(this.paths.search)
    // Nothing else runs until the next await: whatever was saved or changed meanwhile shows up as a version that differs below.
    this.index = saved ?? SearchIndex.empty()
    this.fileIsCurrent = saved !== null
    this.unsaved = 0
    for (const id of this.index.ids()) {
      if (!this.articles.has(id)) this.dropStale(id)
    }
    const todo: [id: string, version: string][] = []
    for (const [id, entry] of this.articles) {
      const version = versionOf(entry)
      if (this.index.versionOf(id) === version) continue
      this.dropStale(id)
      todo.push([id, version])
    }
    if (todo.length > BULK_AFTER) this.index.beginBulk()
    let counting = todo.length >= this.threadsFrom ? await this.countingThreads(todo) : null
    try {
      for (let i = 0; i < todo.length && !this.closed; i += BUILD_BATCH) {
        const batch = todo.slice(i, i + BUILD_BATCH)
        const counted = counting ? await counting.counted(i / BUILD_BATCH).catch((error: unknown) => {
          console.warn('[copydesk] search is built on the main thread from here on; a thread counting its words failed:', reasonOf(error))
          counting = null
          return null
        }) : null
        if (counted) this.addCounted(batch, counted)
        else await this.addRead(batch)
        await nextTurn()
      }
    } finally {
      await counting?.close()
    }
    this.index.endBulk()
    this.index.prepareQueries()
    this.built = true
    // Saved once search is ready: snapshotting takes a second or more at 50,000 articles, no part of the wait for search.
    if (this.worthWriting() && !this.closed) void this.write(true)
  }

  /**
   * Threads that read and count a big first build's articles, leaving the
   * main thread only to add them to the index: null for a small build, and
   * when they cannot start (the main thread reads them then, as for a small one).
   */
  private async countingThreads(todo: [id: string, version: string][]): Promise<CountingThreads | null> {
    // Loaded only for a big build: a small library (every test, most CLI runs) never loads worker threads.
    const { COUNT_THREADS, CountingThreads } = await import('./search-count-threads')
    const request = (batch: number): CountRequest => {
      const ids = todo.slice(batch * BUILD_BATCH, (batch + 1) * BUILD_BATCH).map(([id]) => id)
      return { batch, ids, files: ids.map((id) => this.paths.article(id)) }
    }
    try {
      return new CountingThreads(COUNT_THREADS, Math.ceil(todo.length / BUILD_BATCH), request, (word) => this.index.termOf(word))
    } catch (error) {
      console.warn('[copydesk] search is built on the main thread; the threads counting its words could not start:', reasonOf(error))
      return null
    }
  }

  /** Adds a batch of articles counted on a thread (CountingThreads.counted). */
  private addCounted(batch: [id: string, version: string][], counted: (CountedField[] | null)[]): void {
    batch.forEach(([id, version], j) => {
      const fields = counted[j]
      if (fields && this.stillToIndex(id)) {
        this.index.upsertCounted(id, version, fields)
        this.unsaved += 1
      }
    })
  }

  /** Reads a batch of articles and adds them, on this thread. */
  private async addRead(batch: [id: string, version: string][]): Promise<void> {
    const articles = await Promise.all(batch.map(([id]) => readArticleText(this.paths.article(id))))
    batch.forEach(([id, version], j) => {
      const article = articles[j]
      if (article?.id === id && this.stillToIndex(id)) {
        this.index.upsert(id, version, searchFields(article))
        this.unsaved += 1
      }
    })
  }

  /** A save or a change from elsewhere may have indexed a newer version while the build read the file, or removed the article. */
  private stillToIndex(id: string): boolean {
    return this.articles.has(id) && !this.index.has(id)
  }

  private dropStale(id: string): void {
    if (!this.index.has(id)) return
    this.index.remove(id)
    this.unsaved += 1
  }

  private changed(): void {
    this.unsaved += 1
    if (this.built && this.worthWriting() && !this.closed && !this.rewriteTimer) {
      this.rewriteTimer = setTimeout(() => {
        this.rewriteTimer = null
        if (!this.closed && this.worthWriting()) void this.write()
      }, REWRITE_DELAY_MS)
      // Due, not urgent: close() writes it too, so a timer left waiting keeps no program from exiting.
      this.rewriteTimer.unref()
    }
  }

  private worthWriting(): boolean {
    return !this.fileIsCurrent || this.unsaved >= REWRITE_AFTER
  }

  /**
   * One write at a time; changes made while it runs count towards the next.
   * `later`: starts after whatever waits for the current turn of the event
   * loop (a search waiting for the build); close() still waits for it.
   */
  private write(later = false): Promise<void> {
    this.writing ??= this.writeNow(later).finally(() => (this.writing = null))
    return this.writing
  }

  private async writeNow(later: boolean): Promise<void> {
    if (later) await nextTurn()
    const unsaved = this.unsaved
    try {
      const snapshot = this.index.snapshot()
      const written = await writeSearchFile(this.paths.search, snapshot)
      this.unsaved -= unsaved
      this.fileIsCurrent = true
      // The postings just saved are read from the file from now on instead of held in memory.
      const sources = await reopenPostings(this.paths.search, written)
      if (sources) this.index.readSavedPostings(snapshot, sources)
    } catch (error) {
      // Only a cache: the next opening rebuilds what it lacks.
      console.warn('[copydesk] the search index could not be saved:', reasonOf(error))
    }
  }
}
