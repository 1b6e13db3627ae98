import { useEffect, useState } from 'react'
import type { RevisionInfo } from '../../../../shared/library-api'
import { call } from '../../lib/api'
import { ConfirmDialog } from '../../library/ConfirmDialog'
import { plural } from '../../library/format'
import { when } from '../editing/when'
import { useReview } from '../ReviewContext'
import type { ShownDiff } from './DiffDialog'
import { revisionName, sinceMark, sinceWords, type Since } from './since-marks'
import { DiffDialog, useSinceDiff } from './useSinceDiff'

/** What a revision says besides its name: its size, how many saves a session grouped, who. */
function revisionDetails(revision: RevisionInfo): string {
  const parts = [plural(revision.words, 'word')]
  if (revision.saves && revision.saves > 1) parts.push(`${revision.saves} saves`)
  if (revision.author) parts.push(revision.author)
  if (revision.name) parts.push(when(revision.createdAt))
  return parts.join(' · ')
}

/**
 * The article's history: editing sessions (autosaves grouped per writer and
 * quiet period), status marks, named snapshots and restores. Take a snapshot,
 * compare any two in words or the article since its approval or last review,
 * bring one back (as a new revision, after asking).
 */
export function RevisionsPanel({ articleId, version }: { articleId: string; version: string }): React.JSX.Element {
  const { flush, reload, onError } = useReview()
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null)
  const [picked, setPicked] = useState<string[]>([])
  const [snapshotName, setSnapshotName] = useState('')
  const [shown, setShown] = useState<ShownDiff | null>(null)
  const [restoring, setRestoring] = useState<RevisionInfo | null>(null)
  const [refresh, setRefresh] = useState(0)
  const since = useSinceDiff(articleId, flush, onError)

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
      <div className="revision-compare">
        <button type="button" disabled={picked.length !== 2} onClick={compare}>
          Compare selected
        </button>
        {(['approval', 'review'] as Since[]).map((which) => {
          const mark = revisions && sinceMark(revisions, which)
          return (
            <button
              key={which}
              type="button"
              disabled={!mark}
              title={mark ? `Compare “${revisionName(mark)}” with the article now` : `No ${which === 'approval' ? 'approval' : 'review'} in this history yet`}
              onClick={() => void since.show(which)}
            >
              {sinceWords[which]}
            </button>
          )
        })}
      </div>
      <p className="review-muted">Tick two versions to see what changed between them.</p>
      <ul className="revision-list" aria-label="Revisions">
        {(revisions ?? []).map((revision) => (
          <li key={revision.id} data-revision-kind={revision.kind}>
            <label>
              <input type="checkbox" checked={picked.includes(revision.id)} onChange={(event) => toggle(revision.id, event.target.checked)} />
              <span>
                <strong>{revisionName(revision)}</strong>
                <span className="review-muted"> {revisionDetails(revision)}</span>
              </span>
            </label>
            <button type="button" className="ghost" aria-label={`Restore ${revisionName(revision)}`} onClick={() => setRestoring(revision)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      {shown && <DiffDialog shown={shown} onClose={() => setShown(null)} />}
      {since.dialog}
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
