import { useEffect, useId, useState } from 'react'
import type { RevisionInfo } from '../../../../shared/library-api'
import type { ArticleDiff } from '../../../../shared/review/diff/diff-types'
import { call } from '../../lib/api'
import { ModalDialog } from '../../lib/ModalDialog'
import { ConfirmDialog } from '../../library/ConfirmDialog'
import { when, whenExactly } from '../editing/when'
import { useReview } from '../ReviewContext'
import { DiffView } from './DiffView'

const kindWords: Record<RevisionInfo['kind'], string> = { save: 'Saved', snapshot: 'Snapshot', restore: 'Restored' }
const revisionName = (revision: RevisionInfo): string => revision.name ?? `${kindWords[revision.kind]} ${whenExactly(revision.createdAt)}`

interface Shown {
  title: string
  diff: ArticleDiff
}

/**
 * The article's revisions and named snapshots: take a snapshot, compare any
 * two in words, bring one back (as a new revision, after asking).
 */
export function RevisionsPanel({ articleId, version }: { articleId: string; version: string }): React.JSX.Element {
  const { flush, reload, onError } = useReview()
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null)
  const [picked, setPicked] = useState<string[]>([])
  const [snapshotName, setSnapshotName] = useState('')
  const [shown, setShown] = useState<Shown | null>(null)
  const [restoring, setRestoring] = useState<RevisionInfo | null>(null)
  const [refresh, setRefresh] = useState(0)
  const id = useId()

  useEffect(() => {
    call('listRevisions', { id: articleId }).then(setRevisions, onError)
  }, [articleId, version, refresh, onError])

  const toggle = (revisionId: string, on: boolean): void =>
    setPicked((now) => (on ? [...now.filter((p) => p !== revisionId), revisionId].slice(-2) : now.filter((p) => p !== revisionId)))

  const compare = (): void => {
    const chosen = (revisions ?? []).filter((r) => picked.includes(r.id)).sort((a, b) => a.id.localeCompare(b.id))
    const [from, to] = chosen
    if (!from || !to) return
    call('diffRevisions', { id: articleId, from: from.id, to: to.id }).then(
      (diff) => setShown({ title: `From “${revisionName(from)}” to “${revisionName(to)}”`, diff }),
      onError
    )
  }

  const snapshot = (): void => {
    call('takeSnapshot', { id: articleId, name: snapshotName }).then(() => {
      setSnapshotName('')
      setRefresh((n) => n + 1)
    }, onError)
  }

  const restore = (revision: RevisionInfo): void => {
    setRestoring(null)
    flush()
      .then(() => call('restoreRevision', { id: articleId, revisionId: revision.id }))
      .then(({ summary }) => reload(summary), onError)
  }

  return (
    <div className="revisions-panel">
      <form
        className="snapshot-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (snapshotName.trim()) snapshot()
        }}
      >
        <input aria-label="Snapshot name" placeholder="Name a snapshot…" maxLength={200} value={snapshotName} onChange={(event) => setSnapshotName(event.target.value)} />
        <button type="submit" disabled={!snapshotName.trim()}>
          Take snapshot
        </button>
      </form>
      <button type="button" disabled={picked.length !== 2} onClick={compare}>
        Compare selected
      </button>
      <p className="review-muted">Tick two versions to see what changed between them.</p>
      <ul className="revision-list" aria-label="Revisions">
        {(revisions ?? []).map((revision) => (
          <li key={revision.id} data-revision-kind={revision.kind}>
            <label>
              <input type="checkbox" checked={picked.includes(revision.id)} onChange={(event) => toggle(revision.id, event.target.checked)} />
              <span>
                <strong>{revisionName(revision)}</strong>
                <span className="review-muted">
                  {' '}
                  {revision.words} words{revision.name ? ` · ${when(revision.createdAt)}` : ''}
                </span>
              </span>
            </label>
            <button type="button" className="ghost" aria-label={`Restore ${revisionName(revision)}`} onClick={() => setRestoring(revision)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      {shown && (
        <ModalDialog className="review-dialog diff-dialog" labelledBy={`${id}-diff`} onDismiss={() => setShown(null)}>
          <h2 id={`${id}-diff`}>What changed</h2>
          <p className="review-muted">{shown.title}</p>
          <DiffView diff={shown.diff} />
          <div className="dialog-actions">
            <button type="button" autoFocus onClick={() => setShown(null)}>
              Close
            </button>
          </div>
        </ModalDialog>
      )}
      {restoring && (
        <ConfirmDialog title="Restore this version?" confirmLabel="Restore" onConfirm={() => restore(restoring)} onCancel={() => setRestoring(null)}>
          <p>
            The article goes back to “{revisionName(restoring)}”. What it says now stays in its revisions, so you can come back to it. Comments, decisions and
            the status history are kept.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
