import { useCallback, useState } from 'react'
import type { ArticleStatus } from '../../../../shared/article/article'
import { editedSinceApproval } from '../../../../shared/review/approval'
import { call } from '../../lib/api'
import { ConfirmDialog } from '../../library/ConfirmDialog'
import { lazyView } from '../../lib/lazy-view'

const ApproveDialog = lazyView(() => import('./ApproveDialog').then((module) => module.ApproveDialog))

type ChangeStatus = (to: ArticleStatus, note?: string) => Promise<void>

interface Approving {
  articleId: string
  done: () => void
}

interface Publishing {
  done: (error?: unknown) => void
}

/**
 * The status change the inspector offers, with approval going through the
 * checklist dialog first, and publishing an article edited since approval
 * asking first. Saves what is pending before, so the checklist sees the text
 * as it is on screen, and the publish step reads the article as stored after it.
 */
export function useReviewStatus(articleId: string | null, changeStatus: ChangeStatus, flush: () => Promise<void>) {
  const [approving, setApproving] = useState<Approving | null>(null)
  const [publishing, setPublishing] = useState<Publishing | null>(null)
  const request = useCallback(
    async (to: ArticleStatus): Promise<void> => {
      await flush()
      if (to === 'published' && articleId && editedSinceApproval(await call('getArticle', { id: articleId })))
        return new Promise<void>((resolve, reject) => setPublishing({ done: (error) => (error ? reject(error as Error) : resolve()) }))
      if (to !== 'approved' || !articleId) return changeStatus(to)
      return new Promise<void>((resolve) => setApproving({ articleId, done: resolve }))
    },
    [articleId, changeStatus, flush]
  )
  const publishDialog = publishing && (
    <ConfirmDialog
      title="Publish text that was not approved?"
      confirmLabel="Publish anyway"
      onCancel={() => {
        publishing.done()
        setPublishing(null)
      }}
      onConfirm={() => {
        setPublishing(null)
        changeStatus('published').then(() => publishing.done(), publishing.done)
      }}
    >
      <p>This article was edited after it was approved, so what would be published is not what the editor approved.</p>
      <p>“What changed since approval”, under the status, shows the edits; moving it back to review lets an editor approve them.</p>
    </ConfirmDialog>
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
  return { changeStatus: request, dialog: dialog || publishDialog }
}
