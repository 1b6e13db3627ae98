/** Search engines and social cards show roughly this much of a description. */
export const DESCRIPTION_RANGE = { min: 50, max: 160 }

export function descriptionHint(length: number): string {
  const { min, max } = DESCRIPTION_RANGE
  if (length === 0) return `Shown in search results and link previews; aim for ${min}–${max} characters.`
  if (length < min) return `${length} characters: a little short, aim for ${min}–${max}.`
  if (length > max) return `${length} characters: search results cut it off after about ${max}.`
  return `${length} characters: a good length.`
}
