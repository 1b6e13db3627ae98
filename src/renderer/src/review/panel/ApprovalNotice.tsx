import { useMemo } from 'react'
import type { Article } from '../../../../shared/article/article'
import { editedSinceApproval } from '../../../../shared/review/approval'
import { useSinceDiff } from './useSinceDiff'

interface Props {
  article: Article
  flush: () => Promise<void>
  onError: (error: unknown) => void
}

/** Under the status: an approved article whose text changed since, with what changed one click away. */
export function ApprovalNotice({ article, flush, onError }: Props): React.JSX.Element | null {
  const edited = useMemo(() => editedSinceApproval(article), [article])
  const since = useSinceDiff(article.id, flush, onError)
  return (
    <div role="status" className="approval-notice-region">
      {edited && (
        <div className="approval-notice" data-testid="edited-since-approval">
          <p>
            <strong>Edited since approval.</strong> The text is no longer what the editor approved; export and publishing warn about it.
          </p>
          <button type="button" onClick={() => void since.show('approval')}>
            What changed since approval
          </button>
        </div>
      )}
      {since.dialog}
    </div>
  )
}
