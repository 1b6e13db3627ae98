import { useId, useState } from 'react'
import { reviewRoles, type Actor, type ReviewRole } from '../../../../shared/review/actor'
import { call, errorMessage } from '../../lib/api'
import { roleLabel } from './useProfile'

interface Props {
  current: Actor | null
  titleId: string
  /** Absent on first run: there is no profile to fall back to. */
  onCancel?: () => void
  onSaved: () => void
}

/** Name and role, saved in settings; review actions are signed with them. */
export function ProfileForm({ current, titleId, onCancel, onSaved }: Props): React.JSX.Element {
  const [name, setName] = useState(current?.name ?? '')
  const [role, setRole] = useState<ReviewRole>(current?.role ?? 'writer')
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  const save = (): void => {
    if (!name.trim()) return setError('Type your name: comments and suggestions are signed with it.')
    call('updateSettings', { profile: { name: name.trim(), role } }).then(onSaved, (reason: unknown) => setError(errorMessage(reason)))
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <h2 id={titleId}>{current ? 'Switch profile' : 'Who is working here?'}</h2>
      <p className="review-muted">Your name and role sign your comments, suggestions and status changes. They stay on this computer.</p>
      <label className="review-field">
        <span>Name</span>
        <input autoFocus={current !== null} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      <fieldset className="review-field review-roles">
        <legend>Role</legend>
        {reviewRoles.map((value) => (
          <label key={value}>
            <input type="radio" name={`${id}-role`} value={value} checked={role === value} onChange={() => setRole(value)} />
            {roleLabel(value)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary">
          Save profile
        </button>
      </div>
    </form>
  )
}
