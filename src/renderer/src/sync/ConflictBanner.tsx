import type { SyncConflict } from '../../../shared/article/article'
import { when } from '../review/editing/when'

/** Over the editor of an article a sync flagged: what happened, and the way to settle it. */
export function ConflictBanner({ conflict, onCompare }: { conflict: SyncConflict; onCompare: () => void }): React.JSX.Element {
  return (
    <div className="conflict-banner" role="status" data-testid="conflict-banner">
      <p>
        <strong>Sync conflict:</strong> {conflict.summary} This article keeps one version; the other was kept {when(conflict.at)}.
      </p>
      <button type="button" className="primary" onClick={onCompare}>
        Compare versions…
      </button>
    </div>
  )
}
