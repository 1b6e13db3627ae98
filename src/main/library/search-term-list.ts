import { grown } from './search-postings'

/**
 * The index's words by number, kept in one string with a newline after each
 * (no word holds one: newlines split words) and where each starts. A million
 * words (a 50,000-article library) take about 11 MB this way, where a
 * million strings in an array took over 30 MB, and the saved file holds the
 * same string, so reading it back makes one string rather than a million.
 * Words added later (saves, the first build) are kept as they come until the
 * next snapshot packs them in.
 *
 * Words compare as JavaScript compares strings (by UTF-16 code unit), so
 * the order is the one `<` gives.
 */
export class TermList {
  private readonly added: string[] = []
  /** The number of packed words. */
  private readonly packedCount: number

  private constructor(
    private readonly packed: string,
    /** Where each packed word starts, and one past the end of the last one's newline. */
    private readonly starts: Uint32Array
  ) {
    this.packedCount = starts.length - 1
  }

  /** The words of `joined`, each followed by a newline but the last, as joined() writes them. */
  static fromJoined(joined: string): TermList {
    if (joined === '') return new TermList('', new Uint32Array(1))
    let starts = new Uint32Array(1024)
    let count = 0
    for (let at = 0; at <= joined.length; at = joined.indexOf('\n', at) + 1 || joined.length + 1) {
      starts = grown(starts, count + 2)
      starts[count++] = at
    }
    starts[count] = joined.length + 1
    return new TermList(joined, starts.slice(0, count + 1))
  }

  static from(terms: readonly string[]): TermList {
    return TermList.fromJoined(terms.join('\n'))
  }

  get length(): number {
    return this.packedCount + this.added.length
  }

  /** Word `id`. */
  at(id: number): string {
    return id < this.packedCount ? this.packed.slice(this.starts[id], this.starts[id + 1]! - 1) : this.added[id - this.packedCount]!
  }

  lengthOf(id: number): number {
    return id < this.packedCount ? this.starts[id + 1]! - 1 - this.starts[id]! : this.added[id - this.packedCount]!.length
  }

  /** The code unit at `index` of word `id`, without making a string of the word. */
  charCodeAt(id: number, index: number): number {
    return id < this.packedCount ? this.packed.charCodeAt(this.starts[id]! + index) : this.added[id - this.packedCount]!.charCodeAt(index)
  }

  /** Adds a word; returns its number. */
  push(term: string): number {
    return this.added.push(term) + this.packedCount - 1
  }

  /** Negative, zero or positive as word `id` sorts before, with or after `word`. */
  compareTo(id: number, word: string): number {
    const length = this.lengthOf(id)
    const shared = Math.min(length, word.length)
    for (let i = 0; i < shared; i++) {
      const difference = this.charCodeAt(id, i) - word.charCodeAt(i)
      if (difference) return difference
    }
    return length - word.length
  }

  /** Negative, zero or positive as word `a` sorts before, with or after word `b`. */
  compare(a: number, b: number): number {
    const [lengthA, lengthB] = [this.lengthOf(a), this.lengthOf(b)]
    const shared = Math.min(lengthA, lengthB)
    for (let i = 0; i < shared; i++) {
      const difference = this.charCodeAt(a, i) - this.charCodeAt(b, i)
      if (difference) return difference
    }
    return lengthA - lengthB
  }

  startsWith(id: number, prefix: string): boolean {
    if (this.lengthOf(id) < prefix.length) return false
    for (let i = 0; i < prefix.length; i++) if (this.charCodeAt(id, i) !== prefix.charCodeAt(i)) return false
    return true
  }

  /** The words `ids`, in that order, numbered from 0 in a list of their own. */
  pick(ids: ArrayLike<number>): TermList {
    return TermList.from(Array.from(ids, (id) => this.at(id)))
  }

  /** An independent list with the same words: adding to one leaves the other as it was. */
  copy(): TermList {
    const copy = new TermList(this.packed, this.starts)
    for (const term of this.added) copy.added.push(term)
    return copy
  }

  /** The words, each followed by a newline but the last. */
  joined(): string {
    if (!this.added.length) return this.packed
    return this.packedCount ? `${this.packed}\n${this.added.join('\n')}` : this.added.join('\n')
  }

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, id) => this.at(id))
  }
}
