import { statusLabels, type ArticleStatus } from '../../shared/article/status'
import type { SearchHit } from '../../shared/library-api'

/**
 * Why an export selected no article, in words: an empty export that says nothing looks like a
 * bug, when it is almost always drafts waiting for approval.
 */
export function nothingSelectedNotice(summaries: readonly Pick<SearchHit, 'status'>[], statuses: readonly ArticleStatus[]): string {
  const chosen = statuses.map((status) => statusLabels[status]).join(' or ')
  if (summaries.length === 0) return 'No article was exported: the library is empty.'
  const counts = new Map<ArticleStatus, number>()
  for (const { status } of summaries) counts.set(status, (counts.get(status) ?? 0) + 1)
  const held = [...counts].map(([status, count]) => `${count} ${statusLabels[status]}`).join(', ')
  return `No article was exported: only articles that are ${chosen} are exported, and the library holds ${held}.`
}
