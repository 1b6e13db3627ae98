import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TermDictionary } from '../../../src/main/library/search-dictionary'
import { TermList } from '../../../src/main/library/search-term-list'
import { editDistance } from './edit-distance'


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

  it('finds every word that starts with a prefix, and each word by its exact spelling', () => {
    for (const prefix of ['holl', 'a', 'bc', 'wood', 'zz']) {
      const want = all.flatMap((term, id) => (term.startsWith(prefix) ? [[term, id] as [string, number]] : []))
      expect(byTerm(dictionary.withPrefix(prefix)), prefix).toEqual(byTerm(want))
    }
    all.forEach((term, id) => expect(dictionary.idOf(term)).toBe(id))
    expect(dictionary.idOf('hollywoo')).toBeUndefined()
  })
})
