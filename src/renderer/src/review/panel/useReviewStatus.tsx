import { useCallback, useState } from 'react'
import type { ArticleStatus } from '../../../../shared/article/article'
import { ApproveDialog } from './ApproveDialog'

type ChangeStatus = (to: ArticleStatus, note?: string) => Promise<void>

interface Approving {
  articleId: string
  done: () => void
}

/**
 * The status change the inspector offers, with approval going through the
 * checklist dialog first. Saves what is pending before, so the checklist
 * sees the text as it is on screen.
 */
export function useReviewStatus(articleId: string | null, changeStatus: ChangeStatus, flush: () => Promise<void>) {
  const [approving, setApproving] = useState<Approving | null>(null)
  const request = useCallback(
    async (to: ArticleStatus): Promise<void> => {
      await flush()
      if (to !== 'approved' || !articleId) return changeStatus(to)
      return new Promise<void>((resolve) => setApproving({ articleId, done: resolve }))
    },
    [articleId, changeStatus, flush]
  )
  const dialog = approving && (
    <ApproveDialog
      articleId={approving.articleId}
      onApprove={(note) => changeStatus('approved', note)}
      onClose={() => {
        approving.done()
        setApproving(null)
      }}
    />
  )
  return { changeStatus: request, dialog }
}
