import { useState } from 'react'

interface Props {
  id: string
  describedBy: string | undefined
  /** Singular, for button labels: "author", "tag". */
  noun: string
  values: string[]
  max: number
  maxLength: number
  suggestions?: string[]
  onChange: (values: string[]) => void
}

/** A list of short names (authors, tags): Enter or comma adds one, Backspace in the empty box removes the last. */
export function TokenField({ id, describedBy, noun, values, max, maxLength, suggestions, onChange }: Props): React.JSX.Element {
  const [typed, setTyped] = useState('')
  const listId = `${id}-suggestions`
  const add = (): void => {
    const value = typed.trim()
    setTyped('')
    if (!value || values.includes(value) || values.length >= max) return
    onChange([...values, value])
  }
  return (
    <div className="token-field">
      {values.map((value) => (
        <span key={value} className="token">
          {value}
          <button type="button" className="ghost" aria-label={`Remove ${noun} ${value}`} onClick={() => onChange(values.filter((v) => v !== value))}>
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        aria-describedby={describedBy}
        list={suggestions ? listId : undefined}
        value={typed}
        maxLength={maxLength}
        disabled={values.length >= max}
        placeholder={values.length ? '' : `Add ${noun}…`}
        onChange={(event) => setTyped(event.target.value)}
        onBlur={add}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault()
            add()
          } else if (event.key === 'Backspace' && typed === '' && values.length > 0) {
            onChange(values.slice(0, -1))
          }
        }}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  )
}
