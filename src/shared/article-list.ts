import type { ArticleSummary, ListQuery } from './library-api'

/**
 * The article list's order and filters, apart from the API's schemas so the window's first scripts
 * (the sidebar puts a saved row in place with them) do not load the schema library.
 */

/** The list the window opens on, which getWindowStart answers with: the whole library, last changed first. */
export const windowListQuery: ListQuery = { sort: 'updated' }

/** Titles as people read them: case-blind, and "Part 2" before "Part 10". */
export const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

type Listed = Pick<ArticleSummary, 'id' | 'title' | 'updatedAt' | 'status' | 'tags' | 'authors'>

/**
 * listArticles's status, tag and author filters (tags and authors case-blind),
 * shared so the sidebar can tell whether a row it just saved belongs in the list it shows.
 */
export function listFilter({ status, tag, author }: ListQuery): (row: Listed) => boolean {
  const wantedTag = tag?.toLowerCase()
  const wantedAuthor = author?.toLowerCase()
  return (row) =>
    (!status || row.status === status) &&
    (!wantedTag || row.tags.some((t) => t.toLowerCase() === wantedTag)) &&
    (!wantedAuthor || row.authors.some((a) => a.toLowerCase() === wantedAuthor))
}

/** listArticles's order by date (last changed first) or by title; ties go by id, so a saved row has exactly one place. */
export function listOrder(sort: 'updated' | 'title'): (a: Listed, b: Listed) => number {
  return sort === 'title'
    ? (a, b) => titleOrder.compare(a.title, b.title) || a.id.localeCompare(b.id)
    : (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id))
}
