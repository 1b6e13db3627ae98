import { formatDateTime, formatTime } from '../lib/time'

/** Today's time for today's edits, otherwise a short date; the year only when it is not this year. */
export function formatUpdated(iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  if (date.toDateString() === now.toDateString()) {
    return formatTime(date)
  }
  const sameYear = date.getFullYear() === now.getFullYear()
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) })
}

export const formatFullDate = (iso: string): string => formatDateTime(new Date(iso))

// One formatter for every count: toLocaleString() builds a new one per call, a fraction of a millisecond
// each time the status bar's word count changes as someone types.
const counts = new Intl.NumberFormat()

/** "1 word", "12,345 words", in the system's digits. */
export const plural = (count: number, one: string, many = `${one}s`): string => `${counts.format(count)} ${count === 1 ? one : many}`

/** The last segment of a folder path, on any platform. */
export const folderName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? ''
