import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SearchIndex, searchFields } from '../../../src/main/library/search-index'
import { eachTerm, indexTerms, termHash } from '../../../src/main/library/search-terms'
import { fixtureArticles, netflixArticle } from '../../fixtures/netflix'
import { syntheticArticles } from '../../bench/synthetic-articles'

/** The tokenizer as it was written before eachTerm: minisearch's split, then the stop words left out. */
const STOP = new Set('a an and are as at be but by for from has have i in is it its of on or our so that the their them then there these they this to was we were what when which who will with you your'.split(' '))
const reference = (text: string): string[] =>
  text.toLowerCase().split(/[\n\r\p{Z}\p{P}]+/u).filter((term) => term !== '' && !STOP.has(term))

// Letters, the separators of every kind (tab is not one), a stop word, astral letters and punctuation, lone surrogates.
const pieces = ['a', 'Zé', 'ß', 'İ', '\t', ' ', '\u00a0', '\u2028', '\n', '\r', '-', '…', '“', '!', 'the', 'THEIR', 'ｗ', '😀', '𝐀', '\u{10100}', '\u{16fe2}', '\ud800', '\udc00', '1', 'word']
const texts = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join('')))

describe('index terms', () => {
  it('are the words the Unicode split gave, stop words left out, for any text', () => {
    fc.assert(fc.property(texts, (text) => {
        expect(indexTerms(text)).toEqual(reference(text))
      }), { numRuns: 2000 })
  })

  it('come with the hash termHash gives the same word', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const lowered = text.toLowerCase()
        eachTerm(lowered, (start, end, hash) => expect(hash).toBe(termHash(lowered.slice(start, end))))
      })
    )
  })

  it('are the words of a whole article as the split found them', () => {
    for (const article of fixtureArticles()) for (const text of Object.values(searchFields(article))) expect(indexTerms(text)).toEqual(reference(text))
  })
})

describe('a bulk build', () => {
  it('answers every query as an index built one article at a time', () => {
    const template = netflixArticle()
    const articles = syntheticArticles(150, template.id, 7).map((fields, i) => ({ ...template, ...fields, id: `bulk-${String(i).padStart(3, '0')}` }))
    const [one, bulk] = [SearchIndex.empty(), SearchIndex.empty()]
    bulk.beginBulk()
    // Half before a snapshot renumbers the words, half after, as a build that saves midway would.
    for (const [i, article] of articles.entries()) {
      for (const index of [one, bulk]) index.upsert(article.id, 'v', searchFields(article))
      if (i === 75) for (const index of [one, bulk]) index.snapshot()
    }
    bulk.endBulk()
    const queries = ['stream', 'subscri', 'price growth', 'netflx', 'the', 'content strategy market']
    for (const query of queries) expect(bulk.search(query, () => true)).toEqual(one.search(query, () => true))
    expect(bulk.snapshot()).toEqual(one.snapshot())
  })
})
