import { FIELDS, type CountedField, type SearchFields } from './search-index'
import { grown } from './search-postings'
import type { TermCounter } from './search-term-count'

/**
 * A batch of articles counted by a thread of a first build, as it crosses to
 * the main thread: numbers in one array, which crosses without a copy, and
 * the words first met in it in one string. A thread numbers words its own
 * way, from 0 in the order it meets them; the main thread learns each
 * number's word from `words` and maps it to the index's own.
 */
export interface CountedBatch {
  /** The words this thread numbered while counting the batch, in the order it numbered them, joined by spaces: a space splits words, so none holds one. */
  words: string
  /**
   * Per article, in order: 0 when its file could not be read as that article;
   * else 1, then per field (FIELDS) its number of words, its number n of
   * distinct words, their numbers (n), how often each occurs (n).
   */
  counts: Uint32Array
}

/** Writes a CountedBatch's counts, article by article. */
export class CountsWriter {
  private data = new Uint32Array(4096)
  private length = 0

  /** Counts `fields` with `counter`, or marks an article that could not be read (null). */
  article(fields: SearchFields | null, counter: TermCounter): void {
    this.push(fields ? 1 : 0)
    if (!fields) return
    for (const name of FIELDS) {
      const words = counter.count(fields[name].toLowerCase())
      const { distinct } = counter
      this.data = grown(this.data, this.length + 2 + distinct.length * 2)
      this.data[this.length++] = words
      this.data[this.length++] = distinct.length
      for (const term of distinct) this.data[this.length++] = term
      for (const term of distinct) this.data[this.length++] = counter.countOf(term)
      counter.clear()
    }
  }

  /** The counts written, in an array of their own (to be transferred). */
  done(): Uint32Array<ArrayBuffer> {
    return this.data.slice(0, this.length)
  }

  private push(n: number): void {
    this.data = grown(this.data, this.length + 1)
    this.data[this.length++] = n
  }
}

/**
 * The articles of `counts` (CountedBatch) in order: each one's fields with
 * their words numbered as the index numbers them, `numbers` giving the index's
 * number for each of the thread's; null for an article that could not be read.
 * The numbers are changed in place.
 */
export function countedArticles(counts: Uint32Array, numbers: ArrayLike<number>): (CountedField[] | null)[] {
  const articles: (CountedField[] | null)[] = []
  for (let at = 0; at < counts.length; ) {
    if (counts[at++] === 0) {
      articles.push(null)
      continue
    }
    const fields: CountedField[] = []
    for (let f = 0; f < FIELDS.length; f++) {
      const words = counts[at]!
      const n = counts[at + 1]!
      const terms = counts.subarray(at + 2, at + 2 + n)
      for (let i = 0; i < n; i++) terms[i] = numbers[terms[i]!]!
      fields.push({ words, terms, counts: counts.subarray(at + 2 + n, at + 2 + 2 * n) })
      at += 2 + 2 * n
    }
    articles.push(fields)
  }
  return articles
}
