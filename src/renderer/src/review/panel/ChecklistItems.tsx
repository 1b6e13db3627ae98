import type { ChecklistResult } from '../../../../shared/review/checklist'

/** The checklist in plain words: each check passed or failed, and what to do about it. */
export function ChecklistItems({ result }: { result: ChecklistResult }): React.JSX.Element {
  if (result.items.length === 0) return <p className="review-muted">Every check is turned off for this library.</p>
  return (
    <ul className="checklist-items">
      {result.items.map((item) => (
        <li key={item.id} className={item.ok ? 'is-ok' : 'is-failed'} data-check={item.id}>
          <span className="checklist-mark" aria-hidden="true">
            {item.ok ? '✓' : '✗'}
          </span>
          <span>
            <strong>
              {item.label}
              <span className="visually-hidden">{item.ok ? ': passed' : ': failed'}</span>
            </strong>
            <span className="checklist-message">{item.message}</span>
          </span>
        </li>
      ))}
    </ul>
  )
}
