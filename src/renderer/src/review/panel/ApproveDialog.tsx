import { useEffect, useId, useState } from 'react'
import type { ChecklistResult } from '../../../../shared/review/checklist'
import { call, errorMessage } from '../../lib/api'
import { ModalDialog } from '../../lib/ModalDialog'
import { ChecklistItems } from './ChecklistItems'

interface Props {
  articleId: string
  onApprove: (note: string | undefined) => Promise<void>
  onClose: () => void
}

/** Approving: the checklist first; an article that fails it needs a note saying why it is approved anyway. */
export function ApproveDialog({ articleId, onApprove, onClose }: Props): React.JSX.Element {
  const [result, setResult] = useState<ChecklistResult | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()

  useEffect(() => {
    call('getChecklist', { id: articleId }).then(setResult, (reason: unknown) => setError(errorMessage(reason)))
  }, [articleId])

  const failed = result ? result.items.filter((item) => !item.ok).length : 0
  const approve = (): void => {
    setBusy(true)
    setError(null)
    onApprove(note.trim() || undefined).then(onClose, (reason: unknown) => {
      setError(errorMessage(reason))
      setBusy(false)
    })
  }

  return (
    <ModalDialog className="review-dialog approve-dialog" labelledBy={`${id}-title`} onDismiss={onClose}>
      <h2 id={`${id}-title`}>Approve this article?</h2>
      {!result && !error && <p className="review-muted">Checking the article…</p>}
      {result && (
        <>
          <p>{result.passed ? 'It passes every check of the pre-export checklist.' : `It fails ${failed === 1 ? 'one check' : `${failed} checks`} of the pre-export checklist.`}</p>
          <ChecklistItems result={result} />
          {!result.passed && (
            <label className="review-field">
              <span>Why approve it anyway? (required)</span>
              <textarea autoFocus rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
            </label>
          )}
        </>
      )}
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!result || busy || (!result.passed && !note.trim())} onClick={approve}>
          {result && !result.passed ? 'Approve anyway' : 'Approve'}
        </button>
      </div>
    </ModalDialog>
  )
}
