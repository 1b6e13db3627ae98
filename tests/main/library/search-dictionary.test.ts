import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TermDictionary } from '../../../src/main/library/search-dictionary'
import { TermList } from '../../../src/main/library/search-term-list'
import { editDistance } from './edit-distance'
import { nearBefore } from './near-oracle'


/** Words with shared prefixes, near misses and a prefix that is a word itself, in no particular order. */
function words(count: number): string[] {
  let state = 7
  const letters = 'abcde'
  const found = new Set(['hollywood', 'holly', 'hollow', 'holy', 'wood', 'woodland', 'héllo', 'hello'])
  while (found.size < count) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    found.add(Array.from({ length: 2 + (state % 6) }, (_, i) => letters[(state >>> (i * 3)) % letters.length]).join(''))
  }
  return [...found]
}

const byTerm = <T extends [string, ...unknown[]]>(found: T[]): T[] => [...found].sort((a, b) => (a[0] < b[0] ? -1 : 1))

describe('the dictionary of indexed words', () => {
  const terms = words(400)
  // Half known when it is made, half added afterwards (as the first build and saves add them); some sorted in, some not yet.
  const all = terms.slice(0, 200)
  const list = TermList.from(all)
  const dictionary = new TermDictionary(list)
  const add = (term: string): void => {
    all.push(term)
    dictionary.add(list.push(term))
  }
  for (const term of terms.slice(200, 300)) add(term)
  dictionary.sortIn()
  for (const term of terms.slice(300)) add(term)

  it('finds every word within the edits allowed, with its distance, and no other', () => {
    for (const [word, max] of [['hollywod', 1], ['helo', 1], ['abcd', 2], ['ba', 1], ['eeeee', 2], ['xyz', 1]] as const) {
      const want = all.flatMap((term, id) => (editDistance(word, term) <= max ? [[term, id, editDistance(word, term)] as [string, number, number]] : []))
      expect(byTerm(dictionary.near(word, max)), word).toEqual(byTerm(want))
    }
  })

  it('finds every word within the edits allowed for random words and allowances, as a whole-table edit distance does', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[abc]{1,9}$/), { minLength: 1, maxLength: 60 }), fc.stringMatching(/^[abcd]{0,10}$/), fc.integer({ min: 0, max: 4 }), (words, word, max) => {
        const distinct = [...new Set(words)]
        const dictionary = new TermDictionary(TermList.from(distinct))
        const want = distinct.flatMap((term, id) => (editDistance(word, term) <= max ? [[term, id, editDistance(word, term)] as [string, number, number]] : []))
        expect(byTerm(dictionary.near(word, max))).toEqual(byTerm(want))
      }),
      { numRuns: 3000 }
    )
  })

  it('finds the same words, distances and order as the walk that tried every letter after each prefix', () => {
    // Short words over few letters often give several words at one prefix's limit (as 'aa' and 'aba' for 'ba' with one edit).
    const word = fc.oneof(fc.stringMatching(/^[ab]{0,4}$/), fc.stringMatching(/^[abcé]{0,8}$/))
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 80 }),
        fc.array(word, { maxLength: 20 }),
        fc.boolean(),
        fc.array(word, { maxLength: 20 }),
        fc.array(fc.tuple(fc.oneof(fc.stringMatching(/^[abc]{0,5}$/), fc.stringMatching(/^[abcdé]{0,10}$/)), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 3 }),
        fc.array(word, { maxLength: 10 }),
        (first, added, sort, later, queries, last) => {
          // Words known when the dictionary is made, words added and maybe sorted in, and words added since, as the first build and saves add them.
          const list = TermList.from([...new Set(first)])
          const dictionary = new TermDictionary(list)
          let unsorted: number[] = []
          const known = new Set(first)
          const add = (term: string): void => {
            if (known.has(term)) return
            known.add(term)
            const id = list.push(term)
            dictionary.add(id)
            unsorted.push(id)
          }
          added.forEach(add)
          if (sort) {
            dictionary.sortIn()
            unsorted = []
          }
          later.forEach(add)
          // Several searches, as the runs under short prefixes are kept from one to the next; then more words, sorted in.
          for (const [query, max] of queries) expect(dictionary.near(query, max)).toEqual(nearBefore(list, dictionary.order(), unsorted, query, max))
          last.forEach(add)
          dictionary.sortIn()
          for (const [query, max] of queries) expect(dictionary.near(query, max)).toEqual(nearBefore(list, dictionary.order(), [], query, max))
        }
      ),
      { numRuns: 3000 }
    )
    const list = TermList.from(['aba', 'b', 'aa'])
    expect(new TermDictionary(list).near('ba', 1)).toEqual([['aa', 2, 1], ['aba', 0, 1], ['b', 1, 1]])
  })

  it('finds every word that starts with a prefix, and each word by its exact spelling', () => {
    for (const prefix of ['holl', 'a', 'bc', 'wood', 'zz']) {
      const want = all.flatMap((term, id) => (term.startsWith(prefix) ? [[term, id] as [string, number]] : []))
      expect(byTerm(dictionary.withPrefix(prefix)), prefix).toEqual(byTerm(want))
    }
    all.forEach((term, id) => expect(dictionary.idOf(term)).toBe(id))
    expect(dictionary.idOf('hollywoo')).toBeUndefined()
  })
})
