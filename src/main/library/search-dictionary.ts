import type { TermList } from './search-term-list'

/** Past this many words added since the last sort, a query sorts them in rather than checking each one. */
const UNSORTED_LIMIT = 1000
/** Typo searches keep where the runs under prefixes shorter than this start: the words under them are many. */
const SHARED_DEPTHS = 3
/** At most this many prefixes' runs are kept (a few thousand in a million words of Latin letters). */
const MAX_SHARED_RUNS = 20_000

/**
 * The index's words, for finding them by exact spelling, by prefix and
 * within a few typos. Most words sit in one array of word numbers sorted by
 * spelling, which doubles as a word tree: the words under a prefix are a
 * run of it, found by binary search. A million words cost four megabytes
 * this way, where a tree of maps (minisearch's SearchableMap, used before)
 * took about 250 bytes per word, and a snapshot whose words are already in
 * order needs no sorting at all. Words added since the last sort (while the
 * first build runs, or by saves) sit in a list until a query sorts them in,
 * and in a map by spelling once a word is looked up among them.
 */
export class TermDictionary {
  private sorted: Uint32Array
  /** Words added since the last sort, by number. */
  private unsorted: number[] = []
  /**
   * The first `mapped` of `unsorted` by spelling, filled when a word is
   * looked up: a first build finds its words in a table of its own
   * (search-term-table.ts), and a map entry per word it added (a million at
   * 50,000 articles) cost it a tenth of its time.
   */
  private byWord = new Map<string, number>()
  private mapped = 0
  /** The runs under the prefixes of up to SHARED_DEPTHS - 1 letters typo searches walked through, by where they start (runsAfter). */
  private runs = new Map<number, Uint32Array>()

  /** `terms`, by number; the dictionary follows the words `add` appends to it. */
  constructor(private readonly terms: TermList) {
    this.sorted = inOrder(terms, Uint32Array.from({ length: terms.length }, (_, id) => id))
  }

  /** The number of `term`, or undefined when the index does not hold it. */
  idOf(term: string): number | undefined {
    const at = this.lowerBound(term)
    if (at < this.sorted.length && this.terms.compareTo(this.sorted[at]!, term) === 0) return this.sorted[at]
    for (; this.mapped < this.unsorted.length; this.mapped++) this.byWord.set(this.terms.at(this.unsorted[this.mapped]!), this.unsorted[this.mapped]!)
    return this.byWord.get(term)
  }

  /** Follows a word just appended to the terms under number `id`. */
  add(id: number): void {
    this.unsorted.push(id)
  }

  /** Every word that starts with `prefix` (the prefix itself included), with its number. */
  withPrefix(prefix: string): [term: string, id: number][] {
    this.sortIfLong()
    const found: [string, number][] = []
    for (let at = this.lowerBound(prefix); at < this.sorted.length && this.terms.startsWith(this.sorted[at]!, prefix); at++) {
      found.push([this.terms.at(this.sorted[at]!), this.sorted[at]!])
    }
    for (const id of this.unsorted) if (this.terms.startsWith(id, prefix)) found.push([this.terms.at(id), id])
    return found
  }

  /**
   * Every word within `maxDistance` edits (insertions, deletions,
   * substitutions) of `word`, with its number and distance, in spelling
   * order (the words added since the last sort after the others): a walk
   * down the sorted words as down a tree, one row of the edit-distance table
   * per letter of a prefix, leaving a run as soon as no word in it can come
   * close.
   *
   * Once a prefix has used every edit allowed, the walk stops there: the
   * only words under it still close enough are the prefix followed by the
   * rest of `word` from one of the cells at the limit (see atTheLimit), a
   * few binary searches in the prefix's run. Walking on, trying each letter
   * that follows at each of the thousands of prefixes one or two typos away,
   * was about three quarters of a search's CPU at 50,000 articles (a million
   * words).
   */
  near(word: string, maxDistance: number): [term: string, id: number, distance: number][] {
    this.sortIfLong()
    const found: [string, number, number][] = []
    const width = word.length
    const letters = Uint16Array.from(word, (c) => c.charCodeAt(0))
    // One row per depth, reused: a row's smallest cell is at least its depth less the word's length, so no walk goes deeper.
    const rows = new Uint16Array((width + maxDistance + 2) * (width + 1))
    for (let j = 0; j <= width; j++) rows[j] = j
    const places = new Uint32Array(2 * maxDistance + 1)
    const visit = (low: number, high: number, depth: number, smallest: number): void => {
      const row = depth * (width + 1)
      let at = low
      // The word that is the prefix itself sorts first in its run.
      if (this.terms.lengthOf(this.sorted[at]!) === depth) {
        // Past the band nextRow fills, the distance is more than allowed anyway (and the cell not filled).
        if (Math.abs(depth - width) <= maxDistance && rows[row + width]! <= maxDistance) found.push([this.terms.at(this.sorted[at]!), this.sorted[at]!, rows[row + width]!])
        at++
      }
      if (smallest === maxDistance) {
        const count = this.atTheLimit(rows, row, letters, depth, maxDistance, at, high, places)
        for (let i = 0; i < count; i++) found.push([this.terms.at(this.sorted[places[i]!]!), this.sorted[places[i]!]!, maxDistance])
        return
      }
      if (at === high) return
      const starts = depth < SHARED_DEPTHS ? this.runsAfter(at, high, depth) : null
      for (let i = 0; at < high; i++) {
        const letter = this.terms.charCodeAt(this.sorted[at]!, depth)
        const end = starts ? starts[i + 1]! : this.runEnd(at, high, depth, letter)
        const least = nextRow(rows, row, letters, letter, depth + 1, maxDistance)
        if (least <= maxDistance) visit(at, end, depth + 1, least)
        at = end
      }
    }
    if (this.sorted.length) visit(0, this.sorted.length, 0, 0)
    for (const id of this.unsorted) {
      const term = this.terms.at(id)
      const distance = editDistance(word, term)
      if (distance <= maxDistance) found.push([term, id, distance])
    }
    return found
  }

  /**
   * For a prefix `depth` letters long whose row (at `from` in `rows`) has no
   * cell below `maxDistance`: the places in `low`..`high` (the words longer
   * than the prefix under it) of the words within `maxDistance` edits of
   * `word`, in order, written to `into`; returns how many. With no edit to
   * spare, the rest of such a word is the rest of `word` after a cell at the
   * limit, letter for letter (each cell after it follows the diagonal; any
   * other step costs an edit), and its distance is exactly `maxDistance`.
   * Those rests differ in length, so the words found are different ones.
   * Only the band nextRow fills is read (a cell outside it is over the
   * limit anyway).
   */
  private atTheLimit(rows: Uint16Array, from: number, word: Uint16Array, depth: number, maxDistance: number, low: number, high: number, into: Uint32Array): number {
    let count = 0
    const last = Math.min(word.length - 1, depth + maxDistance)
    for (let j = Math.max(0, depth - maxDistance); j <= last && low < high; j++) {
      if (rows[from + j] !== maxDistance) continue
      const at = this.restBound(low, high, depth, word, j)
      if (at === high || this.compareRest(this.sorted[at]!, depth, word, j) !== 0) continue
      // Insertion sort into the few found so far.
      let place = count++
      for (; place > 0 && into[place - 1]! > at; place--) into[place] = into[place - 1]!
      into[place] = at
    }
    return count
  }

  /** The first place in `low`..`high` whose word, from letter `depth` on, does not sort before `word` from letter `start` on. */
  private restBound(low: number, high: number, depth: number, word: Uint16Array, start: number): number {
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.compareRest(this.sorted[middle]!, depth, word, start) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Negative, zero or positive as word `id` from letter `depth` on sorts before, with or after `word` from letter `start` on. */
  private compareRest(id: number, depth: number, word: Uint16Array, start: number): number {
    const length = this.terms.lengthOf(id) - depth
    const wanted = word.length - start
    const shared = Math.min(length, wanted)
    for (let i = 0; i < shared; i++) {
      const difference = this.terms.charCodeAt(id, depth + i) - word[start + i]!
      if (difference) return difference
    }
    return length - wanted
  }

  /** Sorts the words added since the last sort in with the others. */
  sortIn(): void {
    if (!this.unsorted.length) return
    const added = inOrder(this.terms, Uint32Array.from(this.unsorted))
    const merged = new Uint32Array(this.sorted.length + added.length)
    let [i, j, k] = [0, 0, 0]
    while (i < this.sorted.length && j < added.length) merged[k++] = this.terms.compare(this.sorted[i]!, added[j]!) < 0 ? this.sorted[i++]! : added[j++]!
    merged.set(this.sorted.subarray(i), k)
    merged.set(added.subarray(j), k + this.sorted.length - i)
    this.sorted = merged
    this.runs.clear()
    this.unsorted = []
    this.byWord.clear()
    this.mapped = 0
  }

  /** The word numbers in spelling order; call sortIn() first for all of them. */
  order(): Uint32Array {
    return this.sorted
  }

  private sortIfLong(): void {
    if (this.unsorted.length > UNSORTED_LIMIT) this.sortIn()
  }

  /** The first place in the sorted words whose word does not sort before `term`. */
  private lowerBound(term: string): number {
    let [low, high] = [0, this.sorted.length]
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.terms.compareTo(this.sorted[middle]!, term) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /**
   * Where each run of `at`..`high` (the words longer than a prefix `depth`
   * letters long, under it) with the same next letter starts, then `high`:
   * kept for the short prefixes every typo search walks through, whose runs
   * are long (tens of thousands of words under one letter), so that each
   * search does not look for their ends again.
   */
  private runsAfter(at: number, high: number, depth: number): Uint32Array {
    const key = at * SHARED_DEPTHS + depth
    let starts = this.runs.get(key)
    if (!starts) {
      const found = [at]
      for (let start = at; start < high; ) found.push((start = this.runEnd(start, high, depth, this.terms.charCodeAt(this.sorted[start]!, depth))))
      starts = Uint32Array.from(found)
      if (this.runs.size < MAX_SHARED_RUNS) this.runs.set(key, starts)
    }
    return starts
  }

  /** The end of the run from `at` whose words, sharing their first `depth` letters, have `letter` next. */
  private runEnd(at: number, high: number, depth: number, letter: number): number {
    let low = at + 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.terms.charCodeAt(this.sorted[middle]!, depth) <= letter) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** `ids` sorted by their words; words already in order (as a snapshot saves them) cost one pass. */
function inOrder(terms: TermList, ids: Uint32Array): Uint32Array {
  let ordered = true
  for (let i = 1; i < ids.length && ordered; i++) ordered = terms.compare(ids[i - 1]!, ids[i]!) < 0
  return ordered ? ids : ids.sort((a, b) => terms.compare(a, b))
}

/**
 * Fills the edit-distance row after the one at `from` in `rows` (rows of
 * `word.length + 1` cells) for one more letter of a prefix, now `depth`
 * letters long; returns its smallest cell. Only the cells that can be
 * `maxDistance` or less are computed, those of the band around the diagonal
 * (a prefix of `depth` letters is at least |depth - j| edits from the first
 * j letters of the word), and cells are capped at `maxDistance + 1`: values
 * up to `maxDistance` are exact, larger ones read as `maxDistance + 1`,
 * which is all the walk needs. Filling whole rows was most of a typo
 * search's time at 50,000 articles (a million words).
 */
function nextRow(rows: Uint16Array, from: number, word: Uint16Array, letter: number, depth: number, maxDistance: number): number {
  const width = word.length
  const to = from + width + 1
  const cap = maxDistance + 1
  const low = Math.max(1, depth - maxDistance)
  const high = Math.min(width, depth + maxDistance)
  rows[to] = Math.min(depth, cap)
  let smallest = rows[to]!
  // The cells either side of the band, which this row and the next one read as neighbours.
  if (low > 1) rows[to + low - 1] = cap
  if (high < width) rows[to + high + 1] = cap
  for (let j = low; j <= high; j++) {
    const cell = Math.min(rows[from + j]! + 1, rows[to + j - 1]! + 1, rows[from + j - 1]! + (word[j - 1] === letter ? 0 : 1), cap)
    rows[to + j] = cell
    if (cell < smallest) smallest = cell
  }
  return smallest
}

function editDistance(word: string, term: string): number {
  const letters = Uint16Array.from(word, (c) => c.charCodeAt(0))
  const rows = new Uint16Array((term.length + 1) * (word.length + 1))
  for (let j = 0; j <= word.length; j++) rows[j] = j
  // A band as wide as both words: every cell, none capped.
  const unbounded = word.length + term.length
  for (let i = 0; i < term.length; i++) nextRow(rows, i * (word.length + 1), letters, term.charCodeAt(i), i + 1, unbounded)
  return rows[term.length * (word.length + 1) + word.length]!
}
