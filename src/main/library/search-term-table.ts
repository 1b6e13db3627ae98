import { grown } from './search-postings'
import { termHash } from './search-terms'
import type { TermList } from './search-term-list'

/** Per slot: the word's hash, its number + 1 (0: an empty slot), where its letters start in `letters`, and its length. */
const SLOT = 4

/**
 * Finds a word's number from where it sits in a text and its hash
 * (search-terms.ts, eachTerm), without making a string of it: an open
 * addressing table in typed arrays, each slot beside a copy of its word's
 * letters, so that a lookup touches two places in memory, not the four or
 * so of a Map from strings. It holds every word while the first index of a
 * library is built, where a Map lookup per word of every article cost about
 * a third of the build; between builds, only the words saves looked up
 * lately (SearchIndex.termAt).
 */
export class TermTable {
  private slots: Int32Array
  private letters = new Uint16Array(1 << 16)
  private used = 0
  private count = 0

  /** Every word of `terms` so far, or none; `add` follows the ones appended later. */
  constructor(terms?: TermList) {
    const length = terms?.length ?? 0
    let capacity = 1024
    while (capacity < length * 2) capacity *= 2
    this.slots = new Int32Array(capacity * SLOT)
    for (let id = 0; id < length; id++) this.add(id, terms!.at(id))
  }

  /** How many words it holds. */
  get size(): number {
    return this.count
  }

  /** The number of the word `text` holds from `start` to `end`, whose hash is `hash`; -1 when there is none. */
  find(text: string, start: number, end: number, hash: number): number {
    const { slots, letters } = this
    const mask = slots.length / SLOT - 1
    const length = end - start
    for (let slot = (hash & mask) * SLOT; ; slot = (slot + SLOT) & (mask * SLOT + SLOT - 1)) {
      const held = slots[slot + 1]!
      if (held === 0) return -1
      if (slots[slot] === (hash | 0) && slots[slot + 3] === length) {
        const from = slots[slot + 2]! - start
        let same = true
        for (let i = start; i < end && same; i++) same = letters[from + i] === text.charCodeAt(i)
        if (same) return held - 1
      }
    }
  }

  /** Follows word `id`, just appended to the list. */
  add(id: number, word: string): void {
    if ((this.count + 1) * 2 > this.slots.length / SLOT) this.grow()
    this.letters = grown(this.letters, this.used + word.length)
    for (let i = 0; i < word.length; i++) this.letters[this.used + i] = word.charCodeAt(i)
    this.place(termHash(word), id + 1, this.used, word.length)
    this.used += word.length
    this.count++
  }

  private place(hash: number, held: number, start: number, length: number): void {
    const slots = this.slots
    const mask = slots.length / SLOT - 1
    let slot = (hash & mask) * SLOT
    while (slots[slot + 1] !== 0) slot = (slot + SLOT) & (mask * SLOT + SLOT - 1)
    slots[slot] = hash
    slots[slot + 1] = held
    slots[slot + 2] = start
    slots[slot + 3] = length
  }

  private grow(): void {
    const old = this.slots
    this.slots = new Int32Array(old.length * 2)
    for (let slot = 0; slot < old.length; slot += SLOT) if (old[slot + 1] !== 0) this.place(old[slot]!, old[slot + 1]!, old[slot + 2]!, old[slot + 3]!)
  }
}
