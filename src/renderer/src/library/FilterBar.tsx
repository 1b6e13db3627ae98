import { articleStatuses, statusLabels, type ArticleStatus } from '../../../shared/article/status'
import type { ArticleFilters, SortChoice } from './useArticles'

interface Props {
  filters: ArticleFilters
  tags: string[]
  authors: string[]
  onChange: (filters: ArticleFilters) => void
}

/** Search box, status/tag/author filters and sort order for the article list. */
export function FilterBar({ filters, tags, authors, onChange }: Props): React.JSX.Element {
  const set = <K extends keyof ArticleFilters>(key: K, value: ArticleFilters[K]): void => onChange({ ...filters, [key]: value })
  const searching = filters.query.trim() !== ''

  const search = (query: string): void => {
    // Searching ranks by relevance until the writer picks another order; clearing goes back to newest first.
    const nowSearching = query.trim() !== ''
    let sort: SortChoice = filters.sort
    if (nowSearching && !searching && sort === 'updated') sort = 'relevance'
    if (!nowSearching && sort === 'relevance') sort = 'updated'
    onChange({ ...filters, query, sort })
  }

  return (
    <div className="filter-bar">
      <input
        type="search"
        className="search-box"
        placeholder="Search titles, text, FAQs, tags"
        aria-label="Search articles"
        value={filters.query}
        maxLength={500}
        onChange={(event) => search(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && filters.query) {
            event.preventDefault()
            search('')
          }
        }}
      />
      <div className="filter-grid">
        <select aria-label="Filter by status" value={filters.status} onChange={(event) => set('status', event.target.value as ArticleStatus | '')}>
          <option value="">Any status</option>
          {articleStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
        <select aria-label="Sort by" value={filters.sort} onChange={(event) => set('sort', event.target.value as SortChoice)}>
          {searching && <option value="relevance">Best match</option>}
          <option value="updated">Last updated</option>
          <option value="title">Title A–Z</option>
        </select>
        <select aria-label="Filter by tag" value={filters.tag} onChange={(event) => set('tag', event.target.value)} disabled={tags.length === 0 && !filters.tag}>
          <option value="">Any tag</option>
          {withCurrent(tags, filters.tag).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by author"
          value={filters.author}
          onChange={(event) => set('author', event.target.value)}
          disabled={authors.length === 0 && !filters.author}
        >
          <option value="">Any author</option>
          {withCurrent(authors, filters.author).map((author) => (
            <option key={author} value={author}>
              {author}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}

/** Keeps the chosen value selectable even after its last article went away. */
const withCurrent = (values: string[], current: string): string[] =>
  current && !values.includes(current) ? [current, ...values] : values
