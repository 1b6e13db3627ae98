import { listFilter, listOrder } from '../../../shared/article-list'
import type { ArticleSummary, ListQuery, SearchHit } from '../../../shared/library-api'

/**
 * `rows`, main's answer to `request`, as main would answer now that `saved`
 * is stored: its row replaced and moved to its place in the request's order,
 * dropped or added as the status, tag and author filters now say. Under a
 * text search only main knows whether it still matches and how it ranks, so
 * a row there is updated where it stands and nothing is added.
 */
export function patchRow(rows: SearchHit[], saved: ArticleSummary, request: ListQuery): SearchHit[] {
  const index = rows.findIndex((row) => row.id === saved.id)
  const searching = Boolean(request.query)
  const belongs = searching ? index !== -1 : listFilter(request)(saved)
  if (index === -1 && !belongs) return rows
  const rest = index === -1 ? rows : rows.toSpliced(index, 1)
  if (!belongs) return rest
  const row: SearchHit = { ...saved, excerpt: rows[index]?.excerpt ?? '' }
  if (searching && request.sort === 'relevance') return rows.with(index, row)
  const order = listOrder(request.sort === 'title' ? 'title' : 'updated')
  const at = rest.findIndex((other) => order(row, other) < 0)
  return rest.toSpliced(at === -1 ? rest.length : at, 0, row)
}

/** Saves numbered as they arrived, keeping the latest row per article. */
export interface SavedRows {
  count: number
  latest: ReadonlyMap<string, { row: ArticleSummary; n: number }>
}

export const noSaves: SavedRows = { count: 0, latest: new Map() }

export function withSave(saves: SavedRows, row: ArticleSummary): SavedRows {
  const n = saves.count + 1
  return { count: n, latest: new Map(saves.latest).set(row.id, { row, n }) }
}

/**
 * `rows`, asked for when `asOf` saves had arrived, with the saves that came
 * after: an answer asked for later already shows them, and may show newer
 * changes (another process's) that an older save must not hide.
 */
export function patchRows(rows: SearchHit[], saves: SavedRows, asOf: number, request: ListQuery): SearchHit[] {
  let patched = rows
  for (const { row, n } of saves.latest.values()) if (n > asOf) patched = patchRow(patched, row, request)
  return patched
}
