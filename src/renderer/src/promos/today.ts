export { localDay } from '../../../shared/local-day'

/** "3 Mar 2026" for a YYYY-MM-DD day, read as a local date. */
export const formatDay = (day: string): string =>
  new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
