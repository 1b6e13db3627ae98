import { useId, useState } from 'react'
import { syncIntervals } from '../../../shared/settings'
import type { SyncStatus } from '../../../shared/sync-api'
import { call, errorMessage } from '../lib/api'
import { ModalDialog } from '../lib/ModalDialog'

/**
 * Turns the open library into a git repository shared through a remote: a
 * folder, a bare repository on a shared drive, or an SSH or HTTPS address.
 * git uses the user's own keys and credential helpers; Copydesk keeps none.
 */
interface Props {
  /** Whether the library is shared already: then the dialog changes where, and how often it syncs. */
  shared: boolean
  everyMinutes: number
  onEveryChange: (minutes: (typeof syncIntervals)[number]) => void
  onShared: (status: SyncStatus) => void
  onClose: () => void
}

export function ShareLibraryDialog({ shared, everyMinutes, onEveryChange, onShared, onClose }: Props): React.JSX.Element {
  const titleId = useId()
  const fieldId = useId()
  const hintId = useId()
  const everyId = useId()
  const [remote, setRemote] = useState('')
  const [sharing, setSharing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const share = async (): Promise<void> => {
    setSharing(true)
    setProblem(null)
    try {
      onShared(await call('shareLibrary', remote.trim() ? { remote: remote.trim() } : {}))
    } catch (error) {
      setProblem(errorMessage(error))
      setSharing(false)
    }
  }

  return (
    <ModalDialog className="sync-dialog share-library-dialog" labelledBy={titleId} onDismiss={sharing ? undefined : onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          void share()
        }}
      >
        <h2 id={titleId}>Share this library</h2>
        <p>The library becomes a git repository. Sync shares it with the others at the address below, and brings their work here.</p>
        <label htmlFor={fieldId}>Where to share it (optional)</label>
        <input id={fieldId} aria-describedby={hintId} value={remote} onChange={(event) => setRemote(event.target.value)} placeholder="git@example.org:desk/library.git" autoFocus />
        <p id={hintId} className="share-hint">
          A folder, a bare repository on a shared drive, or an SSH or HTTPS address. Your own SSH keys and git credentials are used.
          {shared && ' Leave it empty to keep the current one.'}
        </p>
        <label htmlFor={everyId}>Sync automatically</label>{' '}
        <select id={everyId} value={everyMinutes} onChange={(event) => onEveryChange(Number(event.target.value) as (typeof syncIntervals)[number])}>
          {syncIntervals.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0 ? 'Only when I press Sync' : `Every ${minutes} minutes`}
            </option>
          ))}
        </select>
        {problem && (
          <p role="alert" className="sync-dialog-problem">
            {problem}
          </p>
        )}
        <div className="sync-dialog-actions">
          <button type="button" onClick={onClose} disabled={sharing}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={sharing}>
            {sharing ? 'Sharing…' : shared ? 'Save' : 'Share'}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
