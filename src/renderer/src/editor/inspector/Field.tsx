import { useId } from 'react'

interface Props {
  label: string
  hint?: React.ReactNode
  error?: string | null
  children: (ids: { id: string; describedBy: string | undefined }) => React.ReactNode
}

/** A labelled inspector control with its hint or error read out with it. */
export function Field({ label, hint, error, children }: Props): React.JSX.Element {
  const id = useId()
  const noteId = `${id}-note`
  const note = error ?? hint
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: note ? noteId : undefined })}
      {note && (
        <p id={noteId} className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
          {note}
        </p>
      )}
    </div>
  )
}
