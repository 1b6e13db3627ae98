import { memo, useMemo, useSyncExternalStore } from 'react'
import { formatTime } from '../../lib/time'
import { useLiveDom, type Followed } from '../../lib/live-dom'
import type { ArticleSaver, SaveStatus } from './article-saver'

export function saveStatusText(status: SaveStatus): string {
  if (status.state === 'saving') return 'Saving…'
  if (status.state === 'pending') return 'Editing…'
  if (status.state === 'failed') return `Not saved: ${status.reason}`
  return status.at ? `Saved ${formatTime(status.at)}` : 'Saved'
}

/**
 * "Saved 14:05", "Editing…" (a save follows the pause), "Saving…" or "Not saved: <reason>" with a way to try again.
 * Typing moves the state through editing, saving and saved every few seconds: the text is written (live-dom.ts);
 * React draws again only when the "Try again" button comes or goes (memoized: not when the workspace draws).
 */
export const SaveIndicator = memo(function SaveIndicator({ saver }: { saver: ArticleSaver }): React.JSX.Element {
  const followed = useMemo<Followed<SaveStatus>>(() => ({ get: () => saver.status, subscribe: (listener) => saver.subscribe(listener) }), [saver])
  const failed = useSyncExternalStore(followed.subscribe, () => saver.status.state === 'failed')
  const ref = useLiveDom(followed, (element: HTMLSpanElement, status) => {
    element.className = `status-item save-status save-${status.state}`
    const text = element.firstElementChild as HTMLElement
    text.textContent = text.title = saveStatusText(status)
  })
  return (
    <span className="status-item save-status" role="status" ref={ref}>
      <span className="save-status-text" data-testid="save-status" />
      {failed && (
        <button type="button" className="ghost" onClick={() => void saver.flush()}>
          Try again
        </button>
      )}
    </span>
  )
})
