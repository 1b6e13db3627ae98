import type { SyncStatus } from '../../../shared/sync-api'
import { ariaShortcut, keysOf, withShortcut } from '../editor/shortcuts'
import { formatTime } from '../lib/time'

interface Props {
  status: SyncStatus | null
  syncing: boolean
  onSync: () => void
  onShare: () => void
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The status bar's sync part: where the shared library stands, in words, and the Sync button. */
export function SyncStatusItem({ status, syncing, onSync, onShare }: Props): React.JSX.Element | null {
  if (!status) return null
  if (status.state === 'not-shared') {
    return (
      <span className="status-item sync-status" data-testid="sync-status" data-state="not-shared">
        <span>Not shared</span>
        <button type="button" className="status-button" onClick={onShare}>
          Share…
        </button>
      </span>
    )
  }
  const conflicts = status.conflicts.length
  return (
    <span className="status-item sync-status" data-testid="sync-status" data-state={syncing ? 'syncing' : status.state}>
      {syncing ? (
        <span>Syncing…</span>
      ) : status.state === 'not-synced' ? (
        <span className="sync-problem" title={`Not synced: ${status.lastError ?? ''}`}>
          Not synced: {status.lastError}
        </span>
      ) : (
        <span>Synced{status.lastSyncAt ? ` ${formatTime(new Date(status.lastSyncAt))}` : ''}</span>
      )}
      <span data-testid="sync-counts" title={`${plural(status.ahead, 'change')} to share, ${plural(status.behind, 'change')} to receive`}>
        <span aria-hidden="true">↑{status.ahead} ↓{status.behind}</span>
        <span className="visually-hidden">
          {plural(status.ahead, 'change')} to share, {plural(status.behind, 'change')} to receive
        </span>
      </span>
      {status.state === 'not-synced' && status.lastSyncAt && <span>last synced {formatTime(new Date(status.lastSyncAt))}</span>}
      {conflicts > 0 && (
        <span className="sync-conflicts" data-testid="sync-conflicts" title={status.conflicts.map((c) => c.title || 'Untitled').join(', ')}>
          {plural(conflicts, 'conflict')}
        </span>
      )}
      <button type="button" className="status-button" onClick={onSync} disabled={syncing} aria-keyshortcuts={ariaShortcut(keysOf('syncNow'))} title={withShortcut('Sync', keysOf('syncNow'))}>
        Sync
      </button>
    </span>
  )
}
