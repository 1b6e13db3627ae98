const pad = (n: number): string => String(n).padStart(2, '0')

/** The writer's calendar day as YYYY-MM-DD: promos start and end on local days, not UTC ones. */
export const localDay = (date = new Date()): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** "3 Mar 2026" for a YYYY-MM-DD day, read as a local date. */
export const formatDay = (day: string): string =>
  new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
