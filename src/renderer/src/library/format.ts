import { formatDateTime, formatTime } from '../lib/time'

// Built once: toLocaleDateString() with options builds a new formatter per call, a millisecond or more each on a
// busy machine, and every row of the list formats its date as the window first draws.
const dayAndMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })
const dayMonthAndYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/** Today's time for today's edits, otherwise a short date; the year only when it is not this year. */
export function formatUpdated(iso: string, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  if (date.toDateString() === now.toDateString()) {
    return formatTime(date)
  }
  return (date.getFullYear() === now.getFullYear() ? dayAndMonth : dayMonthAndYear).format(date)
}

export const formatFullDate = (iso: string): string => formatDateTime(new Date(iso))

// One formatter for every count: toLocaleString() builds a new one per call, a fraction of a millisecond
// each time the status bar's word count changes as someone types.
const counts = new Intl.NumberFormat()

/** "1 word", "12,345 words", in the system's digits. */
export const plural = (count: number, one: string, many = `${one}s`): string => `${counts.format(count)} ${count === 1 ? one : many}`

/** The last segment of a folder path, on any platform. */
export const folderName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? ''
