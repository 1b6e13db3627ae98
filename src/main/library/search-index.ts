import MiniSearch, { type SearchResult } from 'minisearch'
import type { Article } from '../../shared/article/article'
import { bodyText } from '../../shared/article/body'

interface SearchDoc {
  id: string
  title: string
  tags: string
  /** Dek, description and body, FAQ questions and answers included. */
  text: string
}

// Words that match almost every article: leaving them out keeps the in-memory index a good deal smaller.
const stopWords = new Set(
  'a an and are as at be but by for from has have i in is it its of on or our so that the their them then there these they this to was we were what when which who will with you your'.split(' ')
)

const processTerm = (term: string): string | null => {
  const lower = term.toLowerCase()
  return stopWords.has(lower) ? null : lower
}

/** Plain text a search can match and quote from. */
export const searchableText = (article: Article): string => [article.dek, article.description, bodyText(article.body)].filter(Boolean).join('\n')

export interface SearchMatch {
  id: string
  score: number
  terms: string[]
}

/**
 * The library's full-text index, kept in memory and updated one article at
 * a time on save. Titles weigh most, then tags, then the text.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    fields: ['title', 'tags', 'text'],
    storeFields: [],
    processTerm,
    searchOptions: {
      boost: { title: 4, tags: 2 },
      combineWith: 'AND',
      // Typing narrows as it goes: the last word is a prefix, longer words forgive a typo.
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= 5 ? 0.15 : false)
    }
  })

  has(id: string): boolean {
    return this.mini.has(id)
  }

  get size(): number {
    return this.mini.documentCount
  }

  upsert(article: Article): void {
    const doc: SearchDoc = { id: article.id, title: article.title, tags: article.tags.join(' '), text: searchableText(article) }
    if (this.mini.has(doc.id)) this.mini.replace(doc)
    else this.mini.add(doc)
  }

  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id)
  }

  search(query: string, keep: (id: string) => boolean): SearchMatch[] {
    return this.mini
      .search(query, { filter: (result: SearchResult) => keep(result.id as string) })
      .map((result) => ({ id: result.id as string, score: result.score, terms: result.terms }))
  }
}

/** About `width` characters of `text` around the first place one of `terms` occurs, on word boundaries. */
export function excerptAround(text: string, terms: string[], width = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const lower = flat.toLowerCase()
  const positions = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at >= 0)
  const at = positions.length ? Math.min(...positions) : 0
  let start = Math.max(0, at - Math.floor(width / 3))
  let end = Math.min(flat.length, start + width)
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}
