import { useEffect, useMemo, useState } from 'react'
import type { ArticleStatus } from '../../../shared/article/article'
import type { ListQuery, SearchHit } from '../../../shared/library-api'
import { call, errorMessage } from '../lib/api'
import { useDebouncedValue } from './useDebouncedValue'

export type SortChoice = 'relevance' | 'updated' | 'title'

export interface ArticleFilters {
  query: string
  status: ArticleStatus | ''
  tag: string
  author: string
  sort: SortChoice
}

export const noFilters: ArticleFilters = { query: '', status: '', tag: '', author: '', sort: 'updated' }

type Loaded = { key: string; hits: SearchHit[] } | { key: string; error: string }

export interface ArticleListState {
  /** Null until the first answer. */
  items: SearchHit[] | null
  /** True while the current answer is for an older query. */
  loading: boolean
  error: string | null
  /** The search as sent, after the debounce. */
  searchedFor: string
  /** Changes with the search, filters or order (not when the library changes), to start a new result list at its top. */
  queryKey: string
  filtering: boolean
  tags: string[]
  authors: string[]
}

const SEARCH_DEBOUNCE_MS = 200
const byText = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base' })
const distinct = (values: Iterable<string>): string[] => [...new Set(values)].sort(byText)

function toQuery(filters: ArticleFilters, query: string): ListQuery {
  const request: ListQuery = {}
  if (query) request.query = query
  if (filters.status) request.status = filters.status
  if (filters.tag) request.tag = filters.tag
  if (filters.author) request.author = filters.author
  // Relevance only means something while searching; without a query the newest come first.
  request.sort = filters.sort === 'relevance' && !query ? 'updated' : filters.sort
  return request
}

const wholeLibrary = JSON.stringify({ sort: 'updated' } satisfies ListQuery)

/** Answers for one request, given as JSON so an equal request never fetches twice. */
function useList(requestJson: string | null, reloadKey: string): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  useEffect(() => {
    if (requestJson === null) return
    let live = true
    const key = `${reloadKey}|${requestJson}`
    call('listArticles', JSON.parse(requestJson) as ListQuery).then(
      (hits) => live && setLoaded({ key, hits }),
      (error: unknown) => live && setLoaded({ key, error: errorMessage(error) })
    )
    return () => {
      live = false
    }
  }, [requestJson, reloadKey])
  return loaded
}

/**
 * The article list for the sidebar. The whole library is loaded once per
 * change (it also feeds the tag and author filters); a search or filter is a
 * second request so clearing it shows the full list at once.
 */
export function useArticles(filters: ArticleFilters, reloadKey: string): ArticleListState {
  const searchedFor = useDebouncedValue(filters.query.trim(), SEARCH_DEBOUNCE_MS)
  const requestJson = JSON.stringify(toQuery(filters, searchedFor))
  const filtering = requestJson !== wholeLibrary
  const all = useList(wholeLibrary, reloadKey)
  const filtered = useList(filtering ? requestJson : null, reloadKey)
  const current = filtering ? filtered : all
  const currentKey = `${reloadKey}|${requestJson}`

  const allHits = all && 'hits' in all ? all.hits : null
  const tags = useMemo(() => distinct((allHits ?? []).flatMap((hit) => hit.tags)), [allHits])
  const authors = useMemo(() => distinct((allHits ?? []).flatMap((hit) => hit.authors)), [allHits])

  return {
    items: current && 'hits' in current ? current.hits : null,
    loading: current?.key !== currentKey,
    error: current && 'error' in current && current.key === currentKey ? current.error : null,
    searchedFor,
    queryKey: requestJson,
    filtering,
    tags,
    authors
  }
}
