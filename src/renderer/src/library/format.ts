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

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`

/** The last segment of a folder path, on any platform. */
export const folderName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? ''
