import { useEffect, useId, useState } from 'react'
import type { ChecklistConfig } from '../../../../shared/review/checklist-config'
import { call, errorMessage } from '../../lib/api'
import { ModalDialog } from '../../lib/ModalDialog'

type Toggle = 'uniqueSlug' | 'imageAltText' | 'faqAnswers' | 'promos'
type Range = 'titleLength' | 'descriptionLength'

const toggles: [Toggle, string][] = [
  ['uniqueSlug', 'The slug is not used by another article'],
  ['imageAltText', 'Every image has alt text'],
  ['faqAnswers', 'No FAQ answer is empty'],
  ['promos', 'No promo slot shows an expired or missing promo']
]
const ranges: [Range, string][] = [
  ['titleLength', 'Title length (characters)'],
  ['descriptionLength', 'Description length (characters)']
]

const number = (value: string): number => Math.max(0, Math.trunc(Number(value) || 0))

/** The open library's checklist: which checks run, and their limits. */
export function ChecklistSettingsDialog({ onClose }: { onClose: (saved: boolean) => void }): React.JSX.Element {
  const [config, setConfig] = useState<ChecklistConfig | null>(null)
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  useEffect(() => {
    call('getChecklistConfig').then(setConfig, (reason: unknown) => setError(errorMessage(reason)))
  }, [])

  const save = (): void => {
    if (!config) return
    call('setChecklistConfig', { config }).then(
      () => onClose(true),
      (reason: unknown) => setError(errorMessage(reason))
    )
  }

  return (
    <ModalDialog className="review-dialog checklist-settings" labelledBy={`${id}-title`} onDismiss={() => onClose(false)}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
      >
        <h2 id={`${id}-title`}>Review settings for this library</h2>
        {config && (
          <>
            {ranges.map(([key, label]) => (
              <fieldset key={key} className="review-field checklist-range">
                <legend>
                  <label>
                    <input type="checkbox" checked={config[key].enabled} onChange={(event) => setConfig({ ...config, [key]: { ...config[key], enabled: event.target.checked } })} /> {label}
                  </label>
                </legend>
                <label>
                  From <input type="number" min={0} value={config[key].min} disabled={!config[key].enabled} onChange={(event) => setConfig({ ...config, [key]: { ...config[key], min: number(event.target.value) } })} />
                </label>
                <label>
                  to <input type="number" min={1} value={config[key].max} disabled={!config[key].enabled} onChange={(event) => setConfig({ ...config, [key]: { ...config[key], max: number(event.target.value) } })} />
                </label>
              </fieldset>
            ))}
            <fieldset className="review-field checklist-range">
              <legend>
                <label>
                  <input type="checkbox" checked={config.minimumWords.enabled} onChange={(event) => setConfig({ ...config, minimumWords: { ...config.minimumWords, enabled: event.target.checked } })} /> Minimum word count
                </label>
              </legend>
              <label>
                At least <input type="number" min={0} value={config.minimumWords.min} disabled={!config.minimumWords.enabled} onChange={(event) => setConfig({ ...config, minimumWords: { ...config.minimumWords, min: number(event.target.value) } })} /> words
              </label>
            </fieldset>
            {toggles.map(([key, label]) => (
              <label key={key} className="review-check">
                <input type="checkbox" checked={config[key].enabled} onChange={(event) => setConfig({ ...config, [key]: { enabled: event.target.checked } })} /> {label}
              </label>
            ))}
            <fieldset className="review-field">
              <legend>After approval</legend>
              <label className="review-check">
                <input
                  type="checkbox"
                  checked={config.editsAfterApproval.backToReview}
                  onChange={(event) => setConfig({ ...config, editsAfterApproval: { backToReview: event.target.checked } })}
                />{' '}
                An edit of an approved article sends it back to review
              </label>
            </fieldset>
          </>
        )}
        {error && (
          <p className="review-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => onClose(false)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!config}>
            Save settings
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
