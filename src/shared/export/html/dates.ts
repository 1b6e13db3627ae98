const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The calendar day of a date or timestamp as written (in its own offset), e.g. "2025-10-22". */
export const dayOf = (value: string): string => value.slice(0, 10)

/** "October 22, 2025": written out by hand so every machine exports the same bytes, whatever its locale. */
export function readableDay(value: string): string {
  const [year, month, day] = dayOf(value).split('-').map(Number) as [number, number, number]
  return `${months[month - 1]} ${day}, ${year}`
}
