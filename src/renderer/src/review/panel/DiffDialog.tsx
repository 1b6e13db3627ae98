import { useId } from 'react'
import type { ArticleDiff } from '../../../../shared/review/diff/diff-types'
import { ModalDialog } from '../../lib/ModalDialog'
import { DiffView } from './DiffView'

export interface ShownDiff {
  /** Which two versions, in words. */
  title: string
  diff: ArticleDiff
}

/** "What changed" between two versions of the article, over the desk. */
export function DiffDialog({ shown, onClose }: { shown: ShownDiff; onClose: () => void }): React.JSX.Element {
  const id = useId()
  return (
    <ModalDialog className="review-dialog diff-dialog" labelledBy={`${id}-diff`} onDismiss={onClose}>
      <h2 id={`${id}-diff`}>What changed</h2>
      <p className="review-muted">{shown.title}</p>
      <DiffView diff={shown.diff} />
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
