import { useSyncExternalStore } from 'react'
import { formatTime } from '../../lib/time'
import type { ArticleSaver, SaveStatus } from './article-saver'


export function saveStatusText(status: SaveStatus): string {
  if (status.state === 'saving') return 'Saving…'
  if (status.state === 'pending') return 'Editing…'
  if (status.state === 'failed') return `Not saved: ${status.reason}`
  return status.at ? `Saved ${formatTime(status.at)}` : 'Saved'
}

/** "Saved 14:05", "Editing…" (a save follows the pause), "Saving…" or "Not saved: <reason>" with a way to try again. */
export function SaveIndicator({ saver }: { saver: ArticleSaver }): React.JSX.Element {
  const status = useSyncExternalStore(
    (onChange) => saver.subscribe(onChange),
    () => saver.status
  )
  const text = saveStatusText(status)
  return (
    <span className={`status-item save-status save-${status.state}`} role="status">
      <span className="save-status-text" data-testid="save-status" title={text}>
        {text}
      </span>
      {status.state === 'failed' && (
        <button type="button" className="ghost" onClick={() => void saver.flush()}>
          Try again
        </button>
      )}
    </span>
  )
}
