import { grown, MAX_COUNT } from './search-postings'
import { eachTerm } from './search-terms'

/** The number of the word `text` holds from `start` to `end` (hash `hash`), numbering it if it is new. */
export type NumberWord = (text: string, start: number, end: number, hash: number) => number

/**
 * Counts one field's words by number, as an index holds them: the index
 * itself (SearchIndex.upsert) and the threads that count a first build's
 * articles for it (search-count-worker.ts) count the same way.
 */
export class TermCounter {
  /**
   * By word number, all zeros between fields; counts stop at 255, as postings
   * keep them (a byte per word: 32-bit counts took 4 to 8 MB for a million
   * words, kept all session).
   */
  private counts = new Uint8Array(1024)
  /** The distinct words of the field being counted, in the order they first occur. */
  readonly distinct: number[] = []

  constructor(private readonly numberOf: NumberWord) {}

  /** Counts the words of `lowered` (text in lower case) into `distinct` and countOf; returns how many words it holds. */
  count(lowered: string): number {
    let words = 0
    eachTerm(lowered, (start, end, hash) => {
      const term = this.numberOf(lowered, start, end, hash)
      // Checked here rather than in grown(): a call per word, to a function shared by every kind of array, was 4 % of a build.
      if (term >= this.counts.length) this.counts = grown(this.counts, term + 1)
      const seen = this.counts[term]!
      if (seen === 0) this.distinct.push(term)
      if (seen < MAX_COUNT) this.counts[term] = seen + 1
      words++
    })
    return words
  }

  /** How often word `term` of `distinct` occurs, up to MAX_COUNT. */
  countOf(term: number): number {
    return this.counts[term]!
  }

  /** Ready for the next field. */
  clear(): void {
    for (const term of this.distinct) this.counts[term] = 0
    this.distinct.length = 0
  }
}
