import { promoInputSchema, type Promo, type PromoInput } from '../../../shared/article/promo'

/** The promo form as typed: every field a string, empty dates meaning "no limit". */
export interface PromoDraft {
  name: string
  label: string
  headline: string
  text: string
  url: string
  cta: string
  sponsor: string
  activeFrom: string
  activeUntil: string
}
export type DraftField = keyof PromoDraft
export type DraftErrors = Partial<Record<DraftField, string>>

export const emptyDraft: PromoDraft = {
  name: '',
  label: 'Sponsored',
  headline: '',
  text: '',
  url: '',
  cta: '',
  sponsor: '',
  activeFrom: '',
  activeUntil: ''
}

export const draftFromPromo = (promo: Promo): PromoDraft => ({
  name: promo.name,
  label: promo.label,
  headline: promo.headline,
  text: promo.text,
  url: promo.url,
  cta: promo.cta,
  sponsor: promo.sponsor,
  activeFrom: promo.activeFrom ?? '',
  activeUntil: promo.activeUntil ?? ''
})

/** What to say when the shared schema refuses a field (it stays the one judge): `empty` when nothing was typed. */
const plainWords: Record<DraftField, { empty?: string; invalid: string }> = {
  name: { empty: 'Give the promo a name, so you can find it in the picker.', invalid: 'Keep the name under 200 characters.' },
  label: { empty: 'Readers need a label such as “Sponsored”.', invalid: 'Keep the label under 60 characters.' },
  headline: { empty: 'Write a headline.', invalid: 'Keep the headline under 300 characters.' },
  text: { invalid: 'Keep the text under 2,000 characters.' },
  url: { empty: 'Enter the address the promo links to.', invalid: 'Enter a web address that starts with http:// or https://.' },
  cta: { empty: 'Write a call to action such as “Get the deal”.', invalid: 'Keep the call to action under 80 characters.' },
  sponsor: { invalid: 'Keep the sponsor name under 200 characters.' },
  activeFrom: { invalid: 'Pick a start date, or leave it empty to start now.' },
  activeUntil: { invalid: 'Pick an end date, or leave it empty to run without end.' }
}

/** Checks a draft with the library's own schema, so the form refuses exactly what the library would. */
export function checkDraft(draft: PromoDraft): { input: PromoInput } | { errors: DraftErrors } {
  const parsed = promoInputSchema.safeParse({
    ...draft,
    url: draft.url.trim(),
    activeFrom: draft.activeFrom || null,
    activeUntil: draft.activeUntil || null
  })
  const errors: DraftErrors = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as DraftField
      const words = plainWords[field]
      errors[field] = (draft[field].trim() === '' ? words.empty : undefined) ?? words.invalid
    }
  }
  if (draft.activeFrom && draft.activeUntil && draft.activeUntil < draft.activeFrom) {
    errors.activeUntil = 'The end date is before the start date.'
  }
  return parsed.success && Object.keys(errors).length === 0 ? { input: parsed.data } : { errors }
}
