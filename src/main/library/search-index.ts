import type { Article } from '../../shared/article/article'
import { bodyText } from '../../shared/article/body'
import { TermDictionary } from './search-dictionary'
import { countOf, docOf, FieldPostings, grown, MAX_DOCS, type PostingRows, type PostingSource, type SourceRows } from './search-postings'
import { TermList } from './search-term-list'
import { TermTable } from './search-term-table'
import { TermCounter } from './search-term-count'
import { queryTerms, termHash } from './search-terms'

/** What is searched in an article, by field. */
export interface SearchFields {
  title: string
  tags: string
  /** Dek, description and body, FAQ questions and answers included. */
  text: string
}
/** The fields in the order the index numbers them. */
export const FIELDS = ['title', 'tags', 'text'] as const
// Titles weigh most, then tags, then the text.
const FIELD_BOOSTS = [4, 2, 1] as const

// BM25+ as minisearch computes it, with its weights for prefix and typo matches, so ranking did not change with the engine.
const K = 1.2
const B = 0.7
const D = 0.5
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
/** Words of five letters or more forgive about one typo in seven letters. */
const FUZZINESS = 0.15

// Merging costs a pass over every posting, so it waits until the pending and dead ones are a fair share of them.
const MERGE_MIN_POSTINGS = 1_000_000
const MERGE_MIN_REMOVED = 1_000
/** Words saves looked up kept at hand (SearchIndex.recent): several articles' worth, a few megabytes at most. */
const MAX_RECENT = 50_000

/** Plain text a search can match and quote from. */
export const searchableText = (article: Article): string => [article.dek, article.description, bodyText(article.body)].filter(Boolean).join('\n')

export const searchFields = (article: Article): SearchFields => ({
  title: article.title,
  tags: Array.isArray(article.tags) ? article.tags.join(' ') : '',
  text: searchableText(article)
})

/**
 * One field of an article whose words were counted elsewhere: how many words
 * it holds, and each distinct one's number in the index with how often it
 * occurs (at most MAX_COUNT), in the order they first occur.
 */
export interface CountedField {
  words: number
  terms: ArrayLike<number>
  counts: ArrayLike<number>
}

export interface SearchMatch {
  id: string
  score: number
  /** The indexed words that matched, for quoting around them. */
  terms: string[]
}

/** Everything the index holds, in flat arrays, for writing to disk and reading back. */
export interface SearchSnapshot {
  /** Per document number: the article id and the version of it that was indexed. */
  docs: [id: string, version: string][]
  terms: TermList
  /** Per field, per document number: how many words the field holds. */
  lengths: Uint32Array[]
  /** Per field. */
  postings: PostingRows[]
}

export interface SearchOptions {
  /** At most this many matches, the first in the order asked for. */
  limit?: number
  /** The order wanted, by article id, when not best first; ties go best first. */
  order?: (a: string, b: string) => number
}

// Strings cut from a longer one can keep all of it alive; the dictionary keeps its own copy of long words.
const ownCopy = (term: string): string => (term.length > 12 ? Buffer.from(term).toString() : term)

/**
 * The library's full-text index: title, tags and text, ranked with BM25+,
 * the last word of a query matched as a prefix and longer words forgiving a
 * typo, every word required.
 *
 * Written for a big library rather than taken from minisearch, which it
 * replaces: with 10,000 articles of 1,200 words (11 million postings),
 * minisearch's maps of maps took 38 s and 435 MB to fill and 11 s to load
 * back from its JSON, and flexsearch 0.8 took 27 s and 446 MB without prefix
 * search (217 s and 1.4 GB with it). Here a posting is one number in a typed
 * array: the same library is indexed in about 6 s and loads back from disk in
 * a tenth of a second (search-file.ts). The words for prefix and typo matches
 * are found in one sorted array (search-dictionary.ts): minisearch's radix
 * tree, used for that before, took 50 MB for the 200,000 words of 10,000
 * articles and 250 MB at 50,000.
 */
export class SearchIndex {
  private terms: TermList
  private dictionary: TermDictionary
  private fields: FieldPostings[]
  /** Per document number; null once the article was removed or re-indexed. */
  private docIds: (string | null)[]
  private versions: string[]
  private lengths: number[][]
  private readonly totals: number[]
  private readonly docs = new Map<string, number>()
  private readonly counter = new TermCounter((text, start, end, hash) => this.termAt(text, start, end, hash))
  /** Scratch space for one term's live postings in one field, at most one per document. */
  private scratch = new Uint32Array(1024)
  private matched = new Uint32Array(1024)
  private total = new Float64Array(1024)
  private wordScore = new Float64Array(1024)
  /**
   * The documents the word being scored added to those holding every word so
   * far (after the last word: the hits), `touchedCount` of them; kept between
   * queries rather than an array grown to 50,000 numbers per word.
   */
  private touched = new Uint32Array(1024)
  private touchedCount = 0
  /** While many articles are indexed at once (beginBulk): every word by its hash. */
  private table: TermTable | null = null
  /**
   * Otherwise, the words looked up lately. Each save indexes its article
   * again, asking for the same few hundred words as the save before. Found
   * in the dictionary, each took a string cut from the text, and at 50,000
   * articles a binary search among a million words reading words far apart
   * in memory (about 3 ms a save); kept in a Map by spelling, still the cut
   * string and a probe among strings spread over the heap. A save's search
   * update took 1.5 ms at 50,000 articles and 0.8 ms at 10 that way, and
   * 0.7 and 0.4 ms with the words here (sampled CPU profiles of 200 saves).
   */
  private recent = new TermTable()
  private bulk = false

  private constructor(terms: TermList, docs: [string, string][], lengths: ArrayLike<number>[], postings: (PostingRows | SourceRows)[]) {
    this.terms = terms
    this.dictionary = new TermDictionary(terms)
    this.docIds = docs.map(([id]) => id)
    this.versions = docs.map(([, version]) => version)
    this.docIds.forEach((id, doc) => this.docs.set(id!, doc))
    this.lengths = FIELDS.map((_, f) => Array.from(lengths[f] ?? []))
    this.totals = this.lengths.map((field) => field.reduce((sum, n) => sum + n, 0))
    this.fields = FIELDS.map((_, f) => new FieldPostings(postings[f]))
  }

  static empty(): SearchIndex {
    return new SearchIndex(TermList.from([]), [], [], [])
  }

  /**
   * Throws when the parts do not fit together: the caller then builds the
   * index afresh. The postings may stay in the saved file (search-file.ts).
   */
  static fromSnapshot(snapshot: SearchSnapshot | (Omit<SearchSnapshot, 'postings'> & { postings: SourceRows[] })): SearchIndex {
    const { docs, terms, lengths, postings } = snapshot
    const fits =
      lengths.length === FIELDS.length && postings.length === FIELDS.length && docs.length < MAX_DOCS &&
      new Set(docs.map(([id]) => id)).size === docs.length &&
      lengths.every((field) => field.length === docs.length) &&
      postings.every(({ offsets, data }) => offsets.length === terms.length + 1 && offsets[0] === 0 && offsets[terms.length] === data.length && offsets.every((n, i) => i === 0 || n >= offsets[i - 1]!))
    if (!fits) throw new Error('the saved search index does not hold together')
    // A copy: words this index adds must not show up in the snapshot's list.
    return new SearchIndex(terms.copy(), docs, lengths, postings)
  }

  get size(): number {
    return this.docs.size
  }

  has(id: string): boolean {
    return this.docs.has(id)
  }

  versionOf(id: string): string | undefined {
    const doc = this.docs.get(id)
    return doc === undefined ? undefined : this.versions[doc]
  }

  ids(): string[] {
    return [...this.docs.keys()]
  }

  /** Indexes an article, replacing what was indexed for it before; `version` tells later which version this was. */
  upsert(id: string, version: string, fields: SearchFields): void {
    this.remove(id)
    const doc = this.docIds.length
    if (this.bulk) this.table ??= new TermTable(this.terms)
    const counter = this.counter
    FIELDS.forEach((name, f) => {
      const words = counter.count(fields[name].toLowerCase())
      for (const term of counter.distinct) this.fields[f]!.add(term, doc, counter.countOf(term))
      counter.clear()
      this.lengths[f]!.push(words)
      this.totals[f]! += words
    })
    this.added(id, version)
  }

  /**
   * upsert for an article whose words were counted elsewhere (a thread of a
   * first build, search-count-threads.ts), numbered by termOf: per field,
   * title, tags and text.
   */
  upsertCounted(id: string, version: string, fields: readonly CountedField[]): void {
    this.remove(id)
    const doc = this.docIds.length
    fields.forEach(({ words, terms, counts }, f) => {
      const postings = this.fields[f]!
      for (let i = 0; i < terms.length; i++) postings.add(terms[i]!, doc, counts[i]!)
      this.lengths[f]!.push(words)
      this.totals[f]! += words
    })
    this.added(id, version)
  }

  /** The number of `word`, a new one if the index does not hold it yet. */
  termOf(word: string): number {
    if (this.bulk) this.table ??= new TermTable(this.terms)
    return this.termAt(word, 0, word.length, termHash(word))
  }

  /** Records the article whose postings were just added, as the next document. */
  private added(id: string, version: string): void {
    this.docs.set(id, this.docIds.length)
    this.docIds.push(id)
    this.versions.push(version)
    this.mergeIfWorthIt()
  }

  /**
   * Many articles are about to be indexed (a first build): words are looked
   * up by hash in a table kept until endBulk(), rather than made strings and
   * looked up in the dictionary one by one.
   */
  beginBulk(): void {
    this.bulk = true
    for (const field of this.fields) field.unlink()
  }

  /** Ends a bulk build, folding its postings into the base rows: the snapshot that follows a build would fold them anyway. */
  endBulk(): void {
    if (!this.bulk) return
    this.bulk = false
    this.table = null
    this.merge()
    for (const field of this.fields) field.relink()
  }

  remove(id: string): void {
    const doc = this.docs.get(id)
    if (doc === undefined) return
    this.docs.delete(id)
    this.docIds[doc] = null
    FIELDS.forEach((_, f) => (this.totals[f]! -= this.lengths[f]![doc]!))
    this.mergeIfWorthIt()
  }

  /**
   * The `limit` best articles holding all the words of `query` and passing
   * `keep`: best first, or in `order` (ties best first). Scores go into
   * arrays by document number, and only the articles returned have their
   * matched words looked up: a four-letter prefix in 50,000 articles
   * matches most of them, and a map entry and word list for each took most
   * of a query's time.
   */
  search(query: string, keep: (id: string) => boolean, { limit = Infinity, order }: SearchOptions = {}): SearchMatch[] {
    const words = queryTerms(query)
    const count = this.docIds.length
    // Per document: how many of the query's words it holds so far, its score for them, and for the word being scored.
    // Kept between queries: a megabyte each time at 50,000 articles was most of what searching left for the collector.
    this.matched = grown(this.matched, count)
    this.total = grown(this.total, count)
    this.wordScore = grown(this.wordScore, count)
    const { matched, total, wordScore } = this
    matched.fill(0, 0, count)
    wordScore.fill(0, 0, count)
    this.touched = grown(this.touched, count)
    const expansions: number[][] = []
    let holdingCount = 0
    for (const [i, word] of words.entries()) {
      const terms = this.expand(word, i === words.length - 1)
      expansions.push([...terms.keys()])
      this.touchedCount = 0
      for (const [term, weight] of terms) this.score(term, weight, i, matched, wordScore)
      const touched = this.touched
      // Added word by word, as the sum of each word's score, so that scores (and ties) stay exactly as they were.
      for (let t = 0; t < this.touchedCount; t++) {
        const doc = touched[t]!
        total[doc] = i === 0 ? wordScore[doc]! : total[doc]! + wordScore[doc]!
        wordScore[doc] = 0
      }
      holdingCount = this.touchedCount
      if (!holdingCount) break
    }
    // Document numbers only: an object per matching document was most of what a query left for the collector.
    const { docIds } = this
    const relevance = (a: number, b: number): number => total[b]! - total[a]! || docIds[a]!.localeCompare(docIds[b]!)
    const compare = order ? (a: number, b: number) => order(docIds[a]!, docIds[b]!) || relevance(a, b) : relevance
    const best = bestOf(Array.from(this.touched.subarray(0, holdingCount)), limit, compare, (doc) => keep(docIds[doc]!))
    const terms = this.matchedTerms(best, expansions)
    return best.map((doc, i) => ({ id: docIds[doc]!, score: total[doc]!, terms: terms[i]! }))
  }

  /**
   * Per document of `docs`: the indexed words of `expansions` (per query
   * word, the words it stands for) it holds, in that order. Each word's row
   * is read once for all the documents: a common word's row, read from the
   * saved file for each document in turn, made a query for a short prefix
   * read megabytes.
   */
  private matchedTerms(docs: readonly number[], expansions: number[][]): string[][] {
    const terms: string[][] = docs.map(() => [])
    const held = new Uint8Array(docs.length)
    for (const expansion of expansions) {
      for (const term of expansion) {
        const text = this.terms.at(term)
        held.fill(0)
        for (const field of this.fields) field.markHolders(term, docs, held)
        docs.forEach((_, i) => {
          if (held[i] && !terms[i]!.includes(text)) terms[i]!.push(text)
        })
      }
    }
    return terms
  }

  /**
   * Everything as flat arrays, leaving out removed articles and words no
   * article holds any more, the words in spelling order so that reading it
   * back needs no sorting. The index takes that numbering of its words too.
   */
  snapshot(): SearchSnapshot {
    this.merge()
    this.dictionary.sortIn()
    const rows = this.fields.map((field) => field.merged())
    const kept = this.dictionary.order().filter((t) => rows.some(({ offsets }) => offsets[t + 1]! > offsets[t]!))
    const inPlace = kept.every((t, i) => i === 0 || t > kept[i - 1]!)
    const postings = rows.map(({ offsets, data }) => {
      const starts = new Uint32Array(kept.length + 1)
      kept.forEach((t, i) => (starts[i + 1] = starts[i]! + offsets[t + 1]! - offsets[t]!))
      // Dropped rows are empty: when the order holds, the postings stay as they are and only the row starts shrink.
      if (inPlace) return { offsets: starts, data }
      const moved = new Uint32Array(data.length)
      kept.forEach((t, i) => moved.set(data.subarray(offsets[t]!, offsets[t + 1]!), starts[i]!))
      return { offsets: starts, data: moved }
    })
    this.terms = this.terms.pick(kept)
    this.dictionary = new TermDictionary(this.terms)
    // The words were numbered afresh: a bulk build still under way makes its table again.
    this.table = null
    this.recent = new TermTable()
    this.fields = postings.map((rows) => new FieldPostings(rows))
    if (this.bulk) for (const field of this.fields) field.unlink()
    return {
      docs: this.docIds.map((id, doc) => [id!, this.versions[doc]!]),
      terms: this.terms.copy(),
      lengths: this.lengths.map((field) => Uint32Array.from(field)),
      postings
    }
  }

  /**
   * Reads the base postings from `sources` from now on, the file `snapshot`
   * was just saved to, wherever no merge changed them since: they then no
   * longer take memory. Sources it does not take are released.
   */
  readSavedPostings(snapshot: SearchSnapshot, sources: PostingSource[]): void {
    this.fields.forEach((field, f) => {
      if (field.basedOn(snapshot.postings[f]!.offsets)) field.moveTo(sources[f]!)
      else sources[f]!.release()
    })
  }

  /** Lets go of the saved file the postings are read from; the index is not searched after this. */
  close(): void {
    for (const field of this.fields) field.release()
  }

  /** Sorts the words added since the last query in, so that the first search is as quick as the others. */
  prepareQueries(): void {
    this.dictionary.sortIn()
  }

  /** The number of the word `text` holds from `start` to `end` (hash `hash`), a new one if the index does not hold it yet. */
  private termAt(text: string, start: number, end: number, hash: number): number {
    const found = (this.table ?? this.recent).find(text, start, end, hash)
    if (found >= 0) return found
    const term = text.slice(start, end)
    if (this.table) return this.addTerm(term)
    const id = this.dictionary.idOf(term) ?? this.addTerm(term)
    if (this.recent.size >= MAX_RECENT) this.recent = new TermTable()
    this.recent.add(id, term)
    return id
  }

  private addTerm(term: string): number {
    const id = this.terms.push(ownCopy(term))
    this.dictionary.add(id)
    this.table?.add(id, term)
    return id
  }

  /** The indexed words a query word stands for, each with how much a match on it counts. */
  private expand(word: string, asPrefix: boolean): Map<number, number> {
    const terms = new Map<number, number>()
    const exact = this.dictionary.idOf(word)
    if (exact !== undefined) terms.set(exact, 1)
    const maxDistance = word.length >= 5 ? Math.min(6, Math.round(word.length * FUZZINESS)) : 0
    if (asPrefix) {
      for (const [term, id] of this.dictionary.withPrefix(word)) {
        if (term.length > word.length) terms.set(id, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)))
      }
    }
    if (maxDistance) {
      for (const [term, id, distance] of this.dictionary.near(word, maxDistance)) {
        if (distance > 0 && !terms.has(id)) terms.set(id, (FUZZY_WEIGHT * term.length) / (term.length + distance))
      }
    }
    return terms
  }

  /**
   * Adds each live article's BM25+ score for `term`, field by field, to
   * `wordScore`, for the articles that hold the query's first `word` words;
   * those that had none of this word's yet are counted in `matched` and
   * listed in `touched`.
   */
  private score(term: number, weight: number, word: number, matched: Uint32Array, wordScore: Float64Array): void {
    const touched = this.touched
    const total = this.docs.size
    // Without removed articles, every posting is live.
    const live = total === this.docIds.length ? null : (doc: number): boolean => this.docIds[doc] !== null
    this.scratch = grown(this.scratch, this.docIds.length)
    const postings = this.scratch
    this.fields.forEach((field, f) => {
      const found = field.liveInto(term, live, postings)
      if (!found) return
      const idf = Math.log(1 + (total - found + 0.5) / (found + 0.5))
      const boost = weight * FIELD_BOOSTS[f as 0 | 1 | 2] * idf
      const averageLength = this.totals[f]! / total
      const lengths = this.lengths[f]!
      for (let i = 0; i < found; i++) {
        const p = postings[i]!
        const doc = docOf(p)
        const seen = matched[doc]!
        if (seen !== word && seen !== word + 1) continue
        if (seen === word) {
          matched[doc] = word + 1
          touched[this.touchedCount++] = doc
        }
        const count = countOf(p)
        wordScore[doc]! += boost * (D + (count * (K + 1)) / (count + K * (1 - B + (B * lengths[doc]!) / averageLength)))
      }
    })
  }

  private mergeIfWorthIt(): void {
    const pending = this.fields.reduce((sum, field) => sum + field.pending, 0)
    const stored = this.fields.reduce((sum, field) => sum + field.stored, 0)
    const removed = this.docIds.length - this.docs.size
    if (pending > Math.max(MERGE_MIN_POSTINGS, stored / 4) || removed > Math.max(MERGE_MIN_REMOVED, this.docs.size / 4) || this.docIds.length >= MAX_DOCS) {
      this.merge()
    }
  }

  /** Folds pending postings in and drops those of removed articles, numbering the live ones afresh. */
  private merge(): void {
    const renumber = new Int32Array(this.docIds.length).fill(-1)
    const ids: string[] = []
    const versions: string[] = []
    const lengths: number[][] = FIELDS.map(() => [])
    this.docIds.forEach((id, doc) => {
      if (id === null) return
      renumber[doc] = ids.length
      this.docs.set(id, ids.length)
      ids.push(id)
      versions.push(this.versions[doc]!)
      FIELDS.forEach((_, f) => lengths[f]!.push(this.lengths[f]![doc]!))
    })
    for (const field of this.fields) field.merge(this.terms.length, renumber)
    this.docIds = ids
    this.versions = versions
    this.lengths = lengths
  }
}

/**
 * The first `limit` of the `items` that pass `keep`, in `compare`'s order (a
 * total order), without sorting them all: the list shows 50 hits of tens of
 * thousands. An item that could not make the first `limit` is not asked
 * about: the filter looked up the article of every match, about a tenth of a
 * query at 50,000 articles.
 */
function bestOf<T>(items: T[], limit: number, compare: (a: T, b: T) => number, keep: (item: T) => boolean): T[] {
  if (items.length <= limit) return items.filter(keep).sort(compare)
  const best: T[] = []
  for (const item of items) {
    if (best.length === limit && compare(item, best[limit - 1]!) >= 0) continue
    if (!keep(item)) continue
    let [low, high] = [0, best.length]
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compare(best[middle]!, item) < 0) low = middle + 1
      else high = middle
    }
    best.splice(low, 0, item)
    if (best.length > limit) best.pop()
  }
  return best
}

/** What `\s` and trim() take for white space. */
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff

/**
 * `text` with every run of white space made one space, trimmed, as
 * `text.replace(/\s+/g, ' ').trim()` makes it: what excerpts quote from. In
 * one scan that copies only the pieces between runs other than a single
 * space; the regular expression allocated about ten times the text, and a
 * search flattens up to 50 articles.
 */
export function flatText(text: string): string {
  const pieces: string[] = []
  let i = 0
  while (i < text.length && isSpace(text.charCodeAt(i))) i++
  let piece = i
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (!isSpace(c)) {
      i++
      continue
    }
    let end = i + 1
    while (end < text.length && isSpace(text.charCodeAt(end))) end++
    if (c === 32 && end === i + 1 && end < text.length) {
      i = end
      continue
    }
    pieces.push(text.slice(piece, i))
    piece = i = end
  }
  if (piece < text.length) pieces.push(text.slice(piece))
  return pieces.join(' ')
}

/** About `width` characters of `text` around the first place one of `terms` occurs, on word boundaries. */
export function excerptAround(text: string, terms: string[], width = 180): string {
  return excerptFromFlat(flatText(text), terms, width)
}

/** excerptAround for a text already made flat (flatText): a search quotes the same articles again and again, and flattening each one every time was most of what searching allocated. */
export function excerptFromFlat(flat: string, terms: string[], width = 180): string {
  const lower = flat.toLowerCase()
  const positions = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at >= 0)
  const at = positions.length ? Math.min(...positions) : 0
  let start = Math.max(0, at - Math.floor(width / 3))
  let end = Math.min(flat.length, start + width)
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}
