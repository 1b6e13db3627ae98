import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react'
import type { ArticleStatus } from '../../../shared/article/article'
import { windowListQuery } from '../../../shared/article-list'
import type { ArticleSummary, ListQuery, SearchHit } from '../../../shared/library-api'
import { call, errorMessage } from '../lib/api'
import { noSaves, patchRows, withSave, type SavedRows } from './patch-rows'
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

type Loaded = { key: string; request: ListQuery; hits: SearchHit[]; asOf: number } | { key: string; error: string }

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

const wholeLibrary = JSON.stringify(windowListQuery)

/**
 * Answers for one request, given as JSON so an equal request never fetches
 * twice. Each answer notes how many saves had arrived when it was asked for,
 * so the saves after it can be put in; `askAgain` changing asks once more.
 * `first`, the answer main gave as the window opened, stands for the first request, which is not sent.
 */
function useList(requestJson: string | null, reloadKey: string, savesSoFar: number, askAgain: unknown, first?: SearchHit[]): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(() =>
    first && requestJson !== null ? { key: `${reloadKey}|${requestJson}`, request: JSON.parse(requestJson) as ListQuery, hits: first, asOf: 0 } : null
  )
  const savesNow = useEffectEvent(() => savesSoFar)
  const answered = useRef(loaded?.key ?? null)
  useEffect(() => {
    if (requestJson === null) return
    const key = `${reloadKey}|${requestJson}`
    // Main's first answer is this request's: nothing to ask until the request, the library or `askAgain` changes.
    if (answered.current === key) return
    answered.current = null
    let live = true
    const request = JSON.parse(requestJson) as ListQuery
    const asOf = savesNow()
    call('listArticles', request).then(
      (hits) => live && setLoaded({ key, request, hits, asOf }),
      (error: unknown) => live && setLoaded({ key, error: errorMessage(error) })
    )
    return () => {
      live = false
    }
  }, [requestJson, reloadKey, askAgain])
  return loaded
}

/** The saves reported by the editor, one `lastSaved` at a time. */
function useSavedRows(lastSaved: ArticleSummary | null): SavedRows {
  const [state, setState] = useState({ seen: lastSaved, saves: noSaves })
  if (lastSaved === state.seen) return state.saves
  const next = { seen: lastSaved, saves: lastSaved ? withSave(state.saves, lastSaved) : state.saves }
  setState(next)
  return next.saves
}

const hitsOf = (loaded: Loaded | null, saves: SavedRows): SearchHit[] | null =>
  loaded && 'hits' in loaded ? patchRows(loaded.hits, saves, loaded.asOf, loaded.request) : null

/**
 * The article list for the sidebar. The whole library is loaded once per
 * change (it also feeds the tag and author filters); a search or filter is a
 * second request so clearing it shows the full list at once. A save does not
 * list the library again: its row, which the save answers with, is put in
 * place in both lists.
 */
export function useArticles(filters: ArticleFilters, reloadKey: string, lastSaved: ArticleSummary | null, firstList?: SearchHit[]): ArticleListState {
  const saves = useSavedRows(lastSaved)
  const searchedFor = useDebouncedValue(filters.query.trim(), SEARCH_DEBOUNCE_MS)
  const request = toQuery(filters, searchedFor)
  const requestJson = JSON.stringify(request)
  const filtering = requestJson !== wholeLibrary
  const all = useList(wholeLibrary, reloadKey, saves.count, null, firstList)
  // Whether a saved article still matches a search, and where it ranks, only main can say; a search answers at most a page of hits.
  const filtered = useList(filtering ? requestJson : null, reloadKey, saves.count, request.query ? saves.count : null)
  const current = filtering ? filtered : all
  const currentKey = `${reloadKey}|${requestJson}`

  const allHits = useMemo(() => hitsOf(all, saves), [all, saves])
  const filteredHits = useMemo(() => hitsOf(filtered, saves), [filtered, saves])
  const tags = useMemo(() => distinct((allHits ?? []).flatMap((hit) => hit.tags)), [allHits])
  const authors = useMemo(() => distinct((allHits ?? []).flatMap((hit) => hit.authors)), [allHits])

  return {
    items: filtering ? filteredHits : allHits,
    loading: current?.key !== currentKey,
    error: current && 'error' in current && current.key === currentKey ? current.error : null,
    searchedFor,
    queryKey: requestJson,
    filtering,
    tags,
    authors
  }
}
