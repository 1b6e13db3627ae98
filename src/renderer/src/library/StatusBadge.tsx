import { statusLabels, type ArticleStatus } from '../../../shared/article/article'

export function StatusBadge({ status }: { status: ArticleStatus }): React.JSX.Element {
  return <span className={`status-badge status-${status}`}>{statusLabels[status]}</span>
}
