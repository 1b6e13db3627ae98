import { useId, useState, type FormEvent } from 'react'
import type { Promo } from '../../../shared/article/promo'
import type { PromoWithUsage } from '../../../shared/library-api'
import { ApiError, call } from '../lib/api'
import { checkDraft, draftFromPromo, emptyDraft, type DraftErrors, type DraftField, type PromoDraft } from './promo-draft'

interface Props {
  /** Null for a new promo. */
  existing: PromoWithUsage | null
  onSaved: (promo: Promo) => void
  onDelete: (item: PromoWithUsage) => void
  onOpenArticle: (id: string) => void
}

interface FieldSpec {
  field: DraftField
  label: string
  hint?: string
  kind?: 'textarea' | 'date' | 'url'
  placeholder?: string
}

// Paired short fields share a row; see promos.css for which span the width.
const fields: FieldSpec[] = [
  { field: 'name', label: 'Name', hint: 'Only editors see it, in the promo picker.', placeholder: 'e.g. Hosting 75% off (Q4)' },
  { field: 'label', label: 'Label', hint: 'Tells readers the box is paid for.' },
  { field: 'sponsor', label: 'Sponsor' },
  { field: 'headline', label: 'Headline', placeholder: 'e.g. Get 75% off web hosting' },
  { field: 'text', label: 'Text', kind: 'textarea' },
  { field: 'url', label: 'Link', kind: 'url', placeholder: 'https://example.com/offer' },
  { field: 'cta', label: 'Call to action', placeholder: 'e.g. Get the deal' },
  { field: 'activeFrom', label: 'Active from', kind: 'date', hint: 'Empty: runs now.' },
  { field: 'activeUntil', label: 'Active until', kind: 'date', hint: 'Empty: no end date.' }
]

/** Creates or edits one promo, refusing in plain words what the library's schema would refuse. */
export function PromoForm({ existing, onSaved, onDelete, onOpenArticle }: Props): React.JSX.Element {
  const formId = useId()
  const [draft, setDraft] = useState<PromoDraft>(existing ? draftFromPromo(existing.promo) : emptyDraft)
  const [checked, setChecked] = useState(false)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null)

  const result = checkDraft(draft)
  // Errors appear after the first attempt to save, then update as the writer fixes them.
  const errors: DraftErrors = checked && 'errors' in result ? result.errors : {}

  const change = (field: DraftField, value: string): void => {
    setDraft((current) => ({ ...current, [field]: value }))
  }

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setChecked(true)
    setFailure(null)
    if ('errors' in result) {
      const first = fields.find((spec) => result.errors[spec.field])
      if (first) document.getElementById(`${formId}-${first.field}`)?.focus()
      return
    }
    setSaving(true)
    try {
      const saved = await call('savePromo', existing ? { id: existing.promo.id, promo: result.input } : { promo: result.input })
      onSaved(saved)
    } catch (error) {
      setFailure(
        error instanceof ApiError
          ? { message: error.message, details: error.details }
          : { message: 'The promo could not be saved.', details: [] }
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="promo-form" aria-label={existing ? `Edit ${existing.promo.name}` : 'New promo'} noValidate onSubmit={(event) => void submit(event)}>
      <h3>{existing ? `Edit “${existing.promo.name}”` : 'New promo'}</h3>
      {failure && (
        <div className="form-failure" role="alert">
          <p>{failure.message}</p>
          {failure.details.length > 0 && (
            <ul>
              {failure.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="promo-fields">
        {fields.map((spec) => {
          const id = `${formId}-${spec.field}`
          const error = errors[spec.field]
          const described = error ? `${id}-error` : spec.hint ? `${id}-hint` : undefined
          const common = {
            id,
            name: spec.field,
            value: draft[spec.field],
            placeholder: spec.placeholder,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': described
          }
          return (
            <div key={spec.field} className={`promo-field promo-field-${spec.field}`}>
              <label htmlFor={id}>{spec.label}</label>
              {spec.kind === 'textarea' ? (
                <textarea {...common} rows={3} onChange={(event) => change(spec.field, event.target.value)} />
              ) : (
                <input
                  {...common}
                  type={spec.kind ?? 'text'}
                  onChange={(event) => change(spec.field, event.target.value)}
                />
              )}
              {error ? (
                <span id={`${id}-error`} className="field-error">
                  {error}
                </span>
              ) : (
                spec.hint && (
                  <span id={`${id}-hint`} className="field-hint">
                    {spec.hint}
                  </span>
                )
              )}
            </div>
          )
        })}
      </div>

      {existing && (
        <section className="promo-usage" aria-label="Where this promo is used">
          <h4>Used in</h4>
          {existing.usedBy.length === 0 ? (
            <p className="field-hint">No article shows this promo yet.</p>
          ) : (
            <ul>
              {existing.usedBy.map((article) => (
                <li key={article.id}>
                  <button type="button" className="link" onClick={() => onOpenArticle(article.id)}>
                    {article.title.trim() || 'Untitled'}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="dialog-actions">
        {existing && (
          <button type="button" className="danger push-left" onClick={() => onDelete(existing)}>
            Delete promo…
          </button>
        )}
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Create promo'}
        </button>
      </div>
    </form>
  )
}
