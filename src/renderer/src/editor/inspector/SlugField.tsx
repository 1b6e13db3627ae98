import { useState } from 'react'
import { slugSchema } from '../../../../shared/article/article'
import { SLUG_MAX_LENGTH } from '../../../../shared/article/slug'
import { errorMessage } from '../../lib/api'
import { Field } from './Field'

interface Props {
  slug: string
  locked: boolean
  /** A slug to keep, or null to follow the title again; rejects with the library's reason. */
  onCommit: (slug: string | null) => Promise<void>
}

/** The address name: follows the title until edited; the library says when another article has it. */
export function SlugField({ slug, locked, onCommit }: Props): React.JSX.Element {
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const commit = (value: string | null): void => {
    setDraft(null)
    onCommit(value).catch((reason: unknown) => setError(errorMessage(reason)))
  }
  const finish = (): void => {
    if (draft === null || draft === slug) return setDraft(null)
    if (draft.length > SLUG_MAX_LENGTH) return setError(`A slug can be at most ${SLUG_MAX_LENGTH} characters.`)
    if (!slugSchema.safeParse(draft).success) return setError('A slug may use only lowercase letters, digits and single hyphens, like “my-article”.')
    commit(draft)
  }

  const hint = locked ? (
    <>
      Edited by hand.{' '}
      <button type="button" className="link-button" onClick={() => commit(null)}>
        Follow the title again
      </button>
    </>
  ) : (
    'Follows the title until you edit it.'
  )

  return (
    <Field label="Slug" hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error !== null}
          className="slug-input"
          spellCheck={false}
          value={draft ?? slug}
          onChange={(event) => {
            setDraft(event.target.value)
            setError(null)
          }}
          onBlur={finish}
          onKeyDown={(event) => {
            if (event.key === 'Enter') finish()
            if (event.key === 'Escape') {
              setDraft(null)
              setError(null)
            }
          }}
        />
      )}
    </Field>
  )
}
