import { useState } from 'react'
import { statusLabels, type ArticleStatus } from '../../../../shared/article/article'
import type { ReviewRole } from '../../../../shared/review/actor'
import { nextStatuses } from '../../../../shared/review/status-workflow'
import { errorMessage } from '../../lib/api'
import { Field } from './Field'

interface Props {
  status: ArticleStatus
  role: ReviewRole
  /** Edited since approval: publishing says so. */
  edited: boolean
  onChange: (to: ArticleStatus) => Promise<void>
}

/** The review status, offering only the steps the workflow allows the profile's role; the library checks again. */
export function StatusField({ status, role, edited, onChange }: Props): React.JSX.Element {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const choices = [status, ...nextStatuses(status, role)]
  return (
    <Field label="Status" error={error}>
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          value={status}
          disabled={busy}
          onChange={(event) => {
            setError(null)
            setBusy(true)
            onChange(event.target.value as ArticleStatus)
              .catch((reason: unknown) => setError(errorMessage(reason)))
              .finally(() => setBusy(false))
          }}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice === status
                ? `${statusLabels[choice]}${edited ? ' (edited since approval)' : ''}`
                : `→ ${statusLabels[choice]}${edited && choice === 'published' ? ' (not as approved)' : ''}`}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
