import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { SearchIndex, searchFields, type SearchMatch } from '../../../src/main/library/search-index'
import { indexTerms, queryTerms } from '../../../src/main/library/search-terms'
import { fixtureArticles, netflixArticle } from '../../fixtures/netflix'
import { syntheticArticles } from '../../bench/synthetic-articles'
import { editDistance } from './edit-distance'

const everything = (): boolean => true
const ids = (matches: SearchMatch[]): string[] => matches.map((m) => m.id)

function indexOf(articles: Article[]): SearchIndex {
  const index = SearchIndex.empty()
  for (const article of articles) index.upsert(article.id, article.updatedAt, searchFields(article))
  return index
}

/** Realistic articles (about 1,200 words each) under ids that sort like numbers. */
function manyArticles(count: number, seed: number): Article[] {
  const template = netflixArticle()
  return syntheticArticles(count, template.id, seed).map((fields, i) => ({ ...template, ...fields, id: `synthetic-${seed}-${String(i).padStart(5, '0')}` }))
}

describe('the search index', () => {
  const [netflix, entrepreneurs, google] = fixtureArticles()
  const fixtures = indexOf(fixtureArticles())

  it('ranks a match in the title above one in the tags, and both above one in the text', () => {
    const index = SearchIndex.empty()
    index.upsert('in-text', 'v', { title: 'Wildlife notes', tags: '', text: 'We saw a pangolin, then another pangolin, near the river.' })
    index.upsert('in-title', 'v', { title: 'Pangolin rescue', tags: '', text: 'A story from the river.' })
    index.upsert('in-tags', 'v', { title: 'Field notes', tags: 'Pangolin', text: 'A story from the river.' })
    expect(ids(index.search('pangolin', everything))).toEqual(['in-title', 'in-tags', 'in-text'])
  })

  it('needs every word, takes only the last one as a prefix, and forgives a typo in longer words', () => {
    expect(ids(fixtures.search('netflix deepfa', everything))).toEqual([netflix!.id])
    expect(fixtures.search('deepfa netflix', everything)).toEqual([])
    expect(ids(fixtures.search('hollywod', everything))).toEqual([netflix!.id])
    expect(fixtures.search('netflix entrepreneurs', everything)).toEqual([])
    expect(ids(fixtures.search('entrepreneurs', everything))).toEqual([entrepreneurs!.id])
  })

  it('names the indexed words that matched, for quoting, and ignores words that say nothing', () => {
    const [hit] = fixtures.search('deepfa', everything)
    expect(hit!.terms).toContain('deepfakes')
    expect(fixtures.search('the and of', everything)).toEqual([])
  })

  it('leaves out what the filter refuses', () => {
    expect(ids(fixtures.search('ai', everything)).sort()).toEqual([netflix!.id, google!.id].sort())
    expect(ids(fixtures.search('ai', (id) => id !== google!.id))).toEqual([netflix!.id])
  })

  it('gives the same answers as a fresh index after many replacements and removals, through its merges', () => {
    const first = manyArticles(1200, 11)
    const index = indexOf(first)
    // Each replacement leaves a removed version behind: past a thousand the index merges, and 1.4 million postings pass the pending limit too.
    const replaced = manyArticles(1100, 12).map((fields, i) => ({ ...fields, id: first[i]!.id }))
    for (const article of replaced) index.upsert(article.id, 'v2', searchFields(article))
    const removed = new Set(first.slice(1100, 1150).map((a) => a.id))
    for (const id of removed) index.remove(id)

    const now = [...replaced, ...first.slice(1150)]
    const fresh = indexOf(now)
    expect(index.size).toBe(now.length)
    const words = searchFields(now[0]!).text.toLowerCase().match(/[a-z]{5,}/g)!.slice(0, 12)
    for (const query of [...words, `${words[0]} ${words[1]}`, words[2]!.slice(0, 3)]) {
      const got = index.search(query, everything)
      const want = fresh.search(query, everything)
      expect(ids(got), query).toEqual(ids(want))
      got.forEach((match, i) => expect(match.score).toBeCloseTo(want[i]!.score, 9))
      expect(got.some((match) => removed.has(match.id))).toBe(false)
    }
    expect(index.versionOf(replaced[0]!.id)).toBe('v2')
    expect(index.versionOf([...removed][0]!)).toBeUndefined()
  })

  it('gives the same answers and snapshot when built in bulk, searched midway, through merges and removals', () => {
    const first = manyArticles(1200, 13)
    const replaced = manyArticles(1100, 14).map((fields, i) => ({ ...fields, id: first[i]!.id }))
    const removed = first.slice(1100, 1150).map((a) => a.id)
    const [one, bulk] = [SearchIndex.empty(), SearchIndex.empty()]
    bulk.beginBulk()
    const words = searchFields(first[0]!).text.toLowerCase().match(/[a-z]{5,}/g)!.slice(0, 8)
    const queries = [...words, `${words[0]} ${words[1]}`, words[2]!.slice(0, 3), words[3]!.slice(0, -1)]
    const same = (): void => {
      for (const query of queries) expect(bulk.search(query, everything), query).toEqual(one.search(query, everything))
    }
    for (const article of first) for (const index of [one, bulk]) index.upsert(article.id, 'v1', searchFields(article))
    // Midway: past the pending limit (a merge of postings alone), and searched before the bulk build ends.
    same()
    for (const article of replaced) for (const index of [one, bulk]) index.upsert(article.id, 'v2', searchFields(article))
    for (const id of removed) for (const index of [one, bulk]) index.remove(id)
    same()
    bulk.endBulk()
    same()
    expect(bulk.snapshot()).toEqual(one.snapshot())
  })

  it('reads back from its snapshot with the same answers, leaving out words no article holds any more', () => {
    const index = indexOf(fixtureArticles())
    index.upsert('short-lived', 'v', { title: 'Xylophone quartet', tags: '', text: 'Only here.' })
    index.remove('short-lived')
    const snapshot = index.snapshot()
    const words = snapshot.terms.toArray()
    expect(words).toContain('deepfakes')
    expect(words).not.toContain('xylophone')
    const restored = SearchIndex.fromSnapshot(snapshot)
    for (const query of ['netflix', 'ai', 'hollywod', 'deepfa', 'google skills']) {
      expect(restored.search(query, everything), query).toEqual(index.search(query, everything))
    }
    expect(restored.versionOf(netflix!.id)).toBe(netflix!.updatedAt)
    // The snapshot numbered the words afresh: the index it was taken from, saving again words it looked up before, finds them under their new numbers.
    index.upsert('google-again', 'v', searchFields(google!))
    const fresh = indexOf([...fixtureArticles(), { ...google!, id: 'google-again' }])
    for (const query of ['google skills', 'netflix', 'deepfakes', 'entrepreneurs']) {
      expect(ids(index.search(query, everything)).sort(), query).toEqual(ids(fresh.search(query, everything)).sort())
    }
    // Saved in spelling order, so that reading a big library's index back sorts nothing; words added later still match.
    expect(words).toEqual([...words].sort())
    restored.upsert('later', 'v', { title: 'Zebra crossings', tags: '', text: 'Aardvarks cross here.' })
    expect(ids(restored.search('zebr aardvark', everything))).toEqual([])
    expect(ids(restored.search('aardvark zebr', everything))).toEqual(['later'])
    expect(ids(restored.search('aardvarcs', everything))).toEqual(['later'])
  })

  it('finds what a word-by-word check of every article finds, and its first hits, best first or in another order, are those of the whole ranking', () => {
    const articles = manyArticles(120, 21)
    const index = indexOf(articles)
    const termsOf = new Map(articles.map((a) => [a.id, new Set(Object.values(searchFields(a)).flatMap(indexTerms))]))
    // The rules, spelled out: every word needed; the last one also as a prefix; words of five letters or more within a typo in seven.
    const matches = (word: string, last: boolean, term: string): boolean =>
      term === word || (last && term.startsWith(word)) || (word.length >= 5 && editDistance(word, term) <= Math.min(6, Math.round(word.length * 0.15)))
    const vocabulary = [...new Set([...termsOf.values()].flatMap((terms) => [...terms]))]
    const bruteForce = (query: string): Map<string, string[]> => {
      const words = queryTerms(query)
      const standsFor = words.map((word, i) => new Set(vocabulary.filter((term) => matches(word, i === words.length - 1, term))))
      const found = new Map<string, string[]>()
      for (const [id, terms] of termsOf) {
        const held = standsFor.map((wanted) => [...terms].filter((term) => wanted.has(term)))
        if (words.length && held.every((list) => list.length > 0)) found.set(id, [...new Set(held.flat())].sort())
      }
      return found
    }
    const words = [...termsOf.get(articles[0]!.id)!].filter((w) => w.length >= 7).slice(0, 6)
    const typo = (word: string): string => `${word.slice(0, 3)}${word[3] === 'x' ? 'y' : 'x'}${word.slice(4)}`
    const queries = [...words, words[0]!.slice(0, 3), `${words[1]} ${words[2]!.slice(0, 4)}`, typo(words[3]!), `${typo(words[4]!)} ${words[5]}`, 'zzzzqqq']
    const byIdDescending = (a: string, b: string): number => b.localeCompare(a)
    for (const query of queries) {
      const all = index.search(query, everything)
      const expected = bruteForce(query)
      expect(new Map(all.map((m) => [m.id, [...m.terms].sort()])), query).toEqual(expected)
      all.forEach((match, i) => i === 0 || expect(match.score).toBeLessThanOrEqual(all[i - 1]!.score))
      expect(index.search(query, everything, { limit: 20 }), query).toEqual(all.slice(0, 20))
      const inOrder = [...all].sort((a, b) => byIdDescending(a.id, b.id))
      expect(index.search(query, everything, { limit: 20, order: byIdDescending }), query).toEqual(inOrder.slice(0, 20))
      // A filter that refuses every other article: the first hits are those of the ranking it lets through.
      const some = (id: string): boolean => Number(id.slice(-1)) % 2 === 0
      expect(index.search(query, some, { limit: 7 }), query).toEqual(all.filter((m) => some(m.id)).slice(0, 7))
      expect(index.search(query, some, { limit: 7, order: byIdDescending }), query).toEqual(inOrder.filter((m) => some(m.id)).slice(0, 7))
    }
  })

  it('refuses a snapshot whose parts do not fit together', () => {
    const snapshot = indexOf(fixtureArticles()).snapshot()
    const [title, ...rest] = snapshot.postings
    expect(() => SearchIndex.fromSnapshot({ ...snapshot, postings: [{ offsets: title!.offsets.slice(1), data: title!.data }, ...rest] })).toThrow()
    expect(() => SearchIndex.fromSnapshot({ ...snapshot, docs: snapshot.docs.slice(1) })).toThrow()
  })
})
