import { useState } from 'react'
import { statusLabels, type ArticleStatus } from '../../../../shared/article/article'
import { workflow } from '../../../../shared/review/status-workflow'
import { errorMessage } from '../../lib/api'
import { Field } from './Field'

interface Props {
  status: ArticleStatus
  onChange: (to: ArticleStatus) => Promise<void>
}

/** The review status, moved only along the workflow's steps; the library says when a step is not the writer's to take. */
export function StatusField({ status, onChange }: Props): React.JSX.Element {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const choices = [status, ...workflow[status].map((step) => step.to)]
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
              {choice === status ? statusLabels[choice] : `→ ${statusLabels[choice]}`}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
