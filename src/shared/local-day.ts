const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * The calendar day where the writer is, as YYYY-MM-DD. Promos start and end
 * on local days, so the app, the CLI and exports all ask this, never UTC.
 */
export const localDay = (date = new Date()): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
