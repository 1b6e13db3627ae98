import type { SearchHit } from '../../../shared/library-api'
import { formatFullDate, formatUpdated } from './format'
import { Highlighted } from './Highlighted'
import { StatusBadge } from './StatusBadge'

interface Props {
  hit: SearchHit
  /** Shown with the excerpt while searching; otherwise the row shows the article's lead. */
  query: string
}

export function ArticleRow({ hit, query }: Props): React.JSX.Element {
  return (
    <>
      <span className="article-row-title">{hit.title.trim() || 'Untitled'}</span>
      <span className="article-row-meta">
        <StatusBadge status={hit.status} edited={hit.editedSinceApproval ?? false} />
        {hit.authors.length > 0 && <span className="article-row-authors">{hit.authors.join(', ')}</span>}
        <time dateTime={hit.updatedAt} title={`Updated ${formatFullDate(hit.updatedAt)}`}>
          {formatUpdated(hit.updatedAt)}
        </time>
      </span>
      {query && hit.excerpt ? (
        <span className="article-row-excerpt">
          <Highlighted text={hit.excerpt} query={query} />
        </span>
      ) : (
        hit.lead && <span className="article-row-excerpt">{hit.lead}</span>
      )}
    </>
  )
}
