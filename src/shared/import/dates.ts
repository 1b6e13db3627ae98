import { editableFieldsSchema } from '../article/article'

const publishDateSchema = editableFieldsSchema.shape.publishDate.unwrap()

// "2025-10-22", "2025-10-22T09:30:00+02:00", Jekyll's "2025-10-22 09:30:00 +0200".
const isoLike = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * A publish date as the article format stores it: a calendar day, or a full
 * timestamp with an offset. A time without an offset is taken as UTC, which
 * is what Hugo and Jekyll do when the site sets no time zone. Null when the
 * text is not a date.
 */
export function toPublishDate(value: string | Date): string | null {
  if (value instanceof Date && Number.isNaN(value.getTime())) return null
  const raw = value instanceof Date ? value.toISOString() : value.trim()
  const match = isoLike.exec(raw)
  if (!match) return null
  const [, day, time, seconds, offset] = match
  const candidate = time ? `${day}T${time}${seconds ?? ':00'}${normalizeOffset(offset)}` : day!
  return publishDateSchema.safeParse(candidate).success ? candidate : null
}

function normalizeOffset(offset: string | undefined): string {
  if (!offset || offset.toUpperCase() === 'Z') return 'Z'
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`
}
