import type { SearchHit } from '../../../shared/library-api'
import { formatFullDate, formatUpdated } from './format'
import { Highlighted } from './Highlighted'
import { StatusBadge } from './StatusBadge'

interface Props {
  hit: SearchHit
  /** Shown with the excerpt while searching. */
  query: string
}

export function ArticleRow({ hit, query }: Props): React.JSX.Element {
  return (
    <>
      <span className="article-row-title">{hit.title.trim() || 'Untitled'}</span>
      <span className="article-row-meta">
        <StatusBadge status={hit.status} />
        <time dateTime={hit.updatedAt} title={`Updated ${formatFullDate(hit.updatedAt)}`}>
          {formatUpdated(hit.updatedAt)}
        </time>
      </span>
      {query && hit.excerpt && (
        <span className="article-row-excerpt">
          <Highlighted text={hit.excerpt} query={query} />
        </span>
      )}
    </>
  )
}
