import { statusLabels, type StatusChange } from '../../../../shared/article/article'
import { when } from '../editing/when'
import { roleLabel } from '../profile/useProfile'

/** Every move through the workflow, newest first: who, when, from what to what, and why. */
export function StatusHistory({ history }: { history: StatusChange[] }): React.JSX.Element {
  if (history.length === 0) return <p className="review-muted">The status has not changed since the article was created.</p>
  return (
    <ol className="status-history" aria-label="Workflow history">
      {[...history].reverse().map((change) => (
        <li key={`${change.at}-${change.to}`}>
          <p>
            <strong>{statusLabels[change.from]}</strong> → <strong>{statusLabels[change.to]}</strong>
          </p>
          <p className="review-muted">
            {change.by.name} ({roleLabel(change.by.role)}), <time dateTime={change.at}>{when(change.at)}</time>
          </p>
          {change.note && <p className="status-note">“{change.note}”</p>}
          {change.overriddenChecks && change.overriddenChecks.length > 0 && (
            <p className="review-muted">Approved despite {change.overriddenChecks.length === 1 ? 'one failed check' : `${change.overriddenChecks.length} failed checks`}.</p>
          )}
        </li>
      ))}
    </ol>
  )
}
