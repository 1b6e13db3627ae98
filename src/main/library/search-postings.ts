/**
 * A posting is one 32-bit number: document number × 256 + how often the term
 * occurs there, capped at 255 (BM25 saturates long before that). Documents
 * are numbered densely, and renumbered at every merge, so 2^24 of them is
 * far more than a library ever holds at once.
 */
export const MAX_DOCS = 2 ** 24
/** The most a posting counts of one term in one document. */
export const MAX_COUNT = 255
export const posting = (doc: number, count: number): number => doc * 256 + Math.min(count, MAX_COUNT)
export const docOf = (p: number): number => p >>> 8
export const countOf = (p: number): number => p & 255

/** Base rows as stored: term t's postings are `data[offsets[t]]` up to `data[offsets[t + 1]]`. */
export interface PostingRows {
  offsets: Uint32Array
  data: Uint32Array
}

/**
 * Where a field's base postings are kept: in memory, or in the saved search
 * file, read a row at a time when a query needs it (search-file.ts), so that
 * a big library's postings (a quarter of a gigabyte at 50,000 articles) need
 * not all sit in memory.
 */
export interface PostingSource {
  readonly length: number
  /** Postings `start` up to `end`, to read before asking for more: a source may reuse the space. */
  slice(start: number, end: number): Uint32Array
  /** Every posting, in an array the caller may keep. */
  all(): Uint32Array
  /** Tells the source this field no longer reads from it. */
  release(): void
}

export const inMemory = (data: Uint32Array): PostingSource => ({ length: data.length, slice: (start, end) => data.subarray(start, end), all: () => data, release: () => {} })

/** Base rows whose postings may be in memory or on disk. */
export interface SourceRows {
  offsets: Uint32Array
  data: PostingSource
}

const INITIAL_CAPACITY = 1024
/**
 * Past this many terms with recent postings, they are found by an array by
 * term number rather than a map: a first build touches every word, while a
 * few saves touch a few thousand, for which an array by term number (4 to 8
 * MB per field for a million words) stayed allocated all session.
 */
const SPARSE_TERMS = 65_536

/** `array`, or a copy at least twice as long when it cannot hold `needed` items; new items are `fill` (zero by default). */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(array: T, needed: number, fill?: number): T {
  if (needed <= array.length) return array
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2))
  if (fill !== undefined) next.fill(fill, array.length)
  next.set(array)
  return next
}

/**
 * One field's inverted index, in typed arrays only, so that 10 million
 * postings cost 40 MB rather than the hundreds a map per term takes. Most
 * postings sit in base rows; those added since the last merge sit in a pool,
 * each linked to the previous one of its term so that a query finds them
 * without a list per term. Postings of removed documents stay until the next
 * merge, which drops them; readers skip them meanwhile.
 */
export class FieldPostings {
  private recent = new Uint32Array(INITIAL_CAPACITY)
  private recentTerm = new Uint32Array(INITIAL_CAPACITY)
  private previous = new Int32Array(INITIAL_CAPACITY)
  /** Per term: where its newest recent posting is (or -1), once many terms have one; until then `newestOf`. */
  private newest: Int32Array | null = null
  private readonly sparseNewest = new Map<number, number>()
  private recentCount = 0
  /** Whether `previous` and `newest` follow the recent postings (unlink()). */
  private linked = true
  /**
   * While unlinked: the array the base rows are the start of, made by this
   * field's merges and read by nothing else, with room for later merges to
   * write in place (inPlace).
   */
  private room: Uint32Array | null = null

  private rows: SourceRows

  constructor(rows: PostingRows | SourceRows = { offsets: new Uint32Array(1), data: new Uint32Array(0) }) {
    this.rows = rows.data instanceof Uint32Array ? { offsets: rows.offsets, data: inMemory(rows.data) } : (rows as SourceRows)
  }

  /** Postings added since the last merge. */
  get pending(): number {
    return this.recentCount
  }

  get stored(): number {
    return this.rows.data.length
  }

  add(term: number, doc: number, count: number): void {
    const at = this.recentCount++
    if (at === this.recent.length) {
      this.recent = grown(this.recent, at + 1)
      this.recentTerm = grown(this.recentTerm, at + 1)
      if (this.linked) this.previous = grown(this.previous, at + 1)
    }
    this.recent[at] = posting(doc, count)
    this.recentTerm[at] = term
    if (this.linked) this.link(term, at)
  }

  /**
   * Stops linking recent postings to their terms until a reader needs them
   * (a first build: nothing is searched until it is done). Linking costs a
   * random read and write per posting in an array by term, about a tenth of
   * a build at 50,000 articles, and merges do not use the links.
   */
  unlink(): void {
    this.linked = false
  }

  /** Links the recent postings added while unlinked, and those added from now on, so that readers find them. */
  relink(): void {
    if (this.linked) return
    this.linked = true
    this.room = null
    if (this.recentCount === 0) {
      // Space a bulk build kept for its pool: a few saves need far less.
      this.recent = new Uint32Array(INITIAL_CAPACITY)
      this.recentTerm = new Uint32Array(INITIAL_CAPACITY)
      return
    }
    this.previous = grown(this.previous, this.recentCount)
    for (let at = 0; at < this.recentCount; at++) this.link(this.recentTerm[at]!, at)
  }

  private link(term: number, at: number): void {
    this.previous[at] = this.newestOf(term)
    if (this.newest) {
      this.newest = grown(this.newest, term + 1, -1)
      this.newest[term] = at
    } else {
      this.sparseNewest.set(term, at)
      if (this.sparseNewest.size > SPARSE_TERMS) this.denseNewest()
    }
  }

  /** Where the newest recent posting of `term` is, or -1. */
  private newestOf(term: number): number {
    if (this.newest) return term < this.newest.length ? this.newest[term]! : -1
    return this.sparseNewest.get(term) ?? -1
  }

  private denseNewest(): void {
    let size = INITIAL_CAPACITY
    for (const term of this.sparseNewest.keys()) if (term >= size) size = term + 1
    const newest = new Int32Array(size).fill(-1)
    for (const [term, at] of this.sparseNewest) newest[term] = at
    this.newest = newest
    this.sparseNewest.clear()
  }

  /**
   * Copies the postings of `term` whose document passes `live` (all, without it) into `out`
   * (room for one per document: a document holds a term once per field) and
   * returns how many it copied.
   */
  liveInto(term: number, live: ((doc: number) => boolean) | null, out: Uint32Array): number {
    this.relink()
    let n = 0
    const { offsets, data } = this.rows
    if (term + 1 < offsets.length && offsets[term + 1]! > offsets[term]!) {
      const row = data.slice(offsets[term]!, offsets[term + 1]!)
      if (live) {
        for (let i = 0; i < row.length; i++) if (live(docOf(row[i]!))) out[n++] = row[i]!
      } else {
        out.set(row)
        n = row.length
      }
    }
    for (let i = this.newestOf(term); i >= 0; i = this.previous[i]!) if (!live || live(docOf(this.recent[i]!))) out[n++] = this.recent[i]!
    return n
  }

  /**
   * Sets `held[i]` for each document `docs[i]` that holds `term`, reading
   * its base row once; base rows are in document order (documents are
   * numbered as added, and merges keep their order).
   */
  markHolders(term: number, docs: readonly number[], held: Uint8Array): void {
    this.relink()
    const { offsets, data } = this.rows
    if (term + 1 < offsets.length && offsets[term + 1]! > offsets[term]!) {
      const row = data.slice(offsets[term]!, offsets[term + 1]!)
      docs.forEach((doc, i) => {
        let [low, high] = [0, row.length]
        while (low < high) {
          const middle = (low + high) >>> 1
          if (docOf(row[middle]!) < doc) low = middle + 1
          else high = middle
        }
        if (low < row.length && docOf(row[low]!) === doc) held[i] = 1
      })
    }
    for (let i = this.newestOf(term); i >= 0; i = this.previous[i]!) {
      const doc = docOf(this.recent[i]!)
      docs.forEach((wanted, j) => {
        if (wanted === doc) held[j] = 1
      })
    }
  }

  /**
   * Folds the recent postings into new base rows for terms 0…termCount-1,
   * renumbering documents through `renumber` and dropping those it maps to
   * -1. A counting sort that reads both sources in order: following the
   * links instead would jump around memory and take many times as long.
   */
  merge(termCount: number, renumber: Int32Array): void {
    const { offsets: oldOffsets, data: source } = this.rows
    // A merge reads every posting: one read of the whole part beats a read per row.
    const oldData = source.all()
    const { recent, recentTerm, recentCount } = this
    const oldTerms = oldOffsets.length - 1
    // No document removed: base rows are copied as they are, not decoded and checked posting by posting.
    const kept = keepsEveryDocument(renumber)
    if (kept && recentCount === 0 && oldTerms === termCount) {
      this.rows = { offsets: oldOffsets, data: inMemory(oldData) }
      source.release()
      return
    }
    const live = (p: number): boolean => renumber[docOf(p)]! >= 0
    const starts = new Uint32Array(termCount + 1)
    if (kept) {
      for (let term = 0; term < oldTerms; term++) starts[term + 1] = oldOffsets[term + 1]! - oldOffsets[term]!
      for (let i = 0; i < recentCount; i++) starts[recentTerm[i]! + 1]!++
    } else {
      for (let term = 0; term < oldTerms; term++) {
        for (let i = oldOffsets[term]!, end = oldOffsets[term + 1]!; i < end; i++) if (live(oldData[i]!)) starts[term + 1]!++
      }
      for (let i = 0; i < recentCount; i++) if (live(recent[i]!)) starts[recentTerm[i]! + 1]!++
    }
    for (let term = 0; term < termCount; term++) starts[term + 1]! += starts[term]!
    const needed = starts[termCount]!
    const next = starts.slice(0, termCount)
    let data: Uint32Array
    if (kept && !this.linked && this.room) {
      data = this.inPlace(oldOffsets, oldData, starts, next)
    } else {
      // A bulk build's rows grow at every merge: room for the next ones, which then write in place.
      this.room = this.linked ? null : new Uint32Array(needed * 2)
      data = this.room ? this.room.subarray(0, needed) : new Uint32Array(needed)
      if (kept) {
        for (let term = 0; term < oldTerms; term++) {
          let at = next[term]!
          for (let i = oldOffsets[term]!, end = oldOffsets[term + 1]!; i < end; i++) data[at++] = oldData[i]!
          next[term] = at
        }
      } else {
        for (let term = 0; term < oldTerms; term++) {
          for (let i = oldOffsets[term]!, end = oldOffsets[term + 1]!; i < end; i++) {
            const doc = renumber[docOf(oldData[i]!)]!
            if (doc >= 0) data[next[term]!++] = posting(doc, countOf(oldData[i]!))
          }
        }
      }
    }
    for (let i = 0; i < recentCount; i++) {
      const doc = renumber[docOf(recent[i]!)]!
      if (doc >= 0) data[next[recentTerm[i]!]!++] = posting(doc, countOf(recent[i]!))
    }
    this.rows = { offsets: starts, data: inMemory(data) }
    source.release()
    // While unlinked (a bulk build) the pool fills again at once: its space is kept rather than grown afresh each time.
    if (this.linked) {
      this.recent = new Uint32Array(INITIAL_CAPACITY)
      this.recentTerm = new Uint32Array(INITIAL_CAPACITY)
    }
    this.previous = new Int32Array(INITIAL_CAPACITY)
    this.newest = null
    this.sparseNewest.clear()
    this.recentCount = 0
  }

  /**
   * Moves the base rows `oldOffsets` up to their places at `starts` inside
   * `room`, last row first so that none is written over before it moves,
   * leaving each row's new postings a gap at its end, where `next` then
   * points. Fresh memory costs the kernel a page fault per 4 kB: a merge
   * into a new array spent most of its time there (several seconds of a
   * first build at 50,000 articles), while moving within pages already
   * touched costs a few nanoseconds a posting.
   */
  private inPlace(oldOffsets: Uint32Array, oldData: Uint32Array, starts: Uint32Array, next: Uint32Array): Uint32Array {
    const needed = starts[starts.length - 1]!
    if (this.room!.length < needed) {
      const bigger = new Uint32Array(Math.max(needed, this.room!.length * 2))
      bigger.set(oldData)
      this.room = bigger
    }
    const room = this.room!
    const oldTerms = oldOffsets.length - 1
    for (let term = 0; term < oldTerms; term++) next[term] = starts[term]! + oldOffsets[term + 1]! - oldOffsets[term]!
    // A row moves up by the new postings of the rows before it: once that is none, the rest stay where they are.
    for (let term = oldTerms - 1; term >= 0; term--) {
      const from = oldOffsets[term]!
      const shift = starts[term]! - from
      if (shift === 0) break
      const end = oldOffsets[term + 1]!
      // Common words' rows, which hold most postings, move in one memmove; a call per row of a rare word costs more than its loop.
      if (end - from > 64) room.copyWithin(from + shift, from, end)
      else for (let i = end - 1; i >= from; i--) room[i + shift] = room[i]!
    }
    return room.subarray(0, needed)
  }

  /** The base rows; call right after merge() so that they hold everything (and are in memory). */
  merged(): PostingRows {
    // Handed out (to be saved): no later merge may write over them.
    this.room = null
    return { offsets: this.rows.offsets, data: this.rows.data.all() }
  }

  /** Whether the base rows are still those starting at `offsets`: no merge since. */
  basedOn(offsets: Uint32Array): boolean {
    return this.rows.offsets === offsets
  }

  /** Takes the same base rows from another source (the file they were just saved to), releasing the one it read from. */
  moveTo(data: PostingSource): void {
    if (data.length !== this.rows.data.length) throw new Error('the saved postings do not match the ones in memory')
    this.rows.data.release()
    this.rows = { offsets: this.rows.offsets, data }
    this.room = null
  }

  /** Lets go of the source of the base rows: the index is not searched any more. */
  release(): void {
    this.rows.data.release()
  }
}

/** Whether `renumber` keeps every document under its number. */
function keepsEveryDocument(renumber: Int32Array): boolean {
  for (let doc = 0; doc < renumber.length; doc++) if (renumber[doc] !== doc) return false
  return true
}
