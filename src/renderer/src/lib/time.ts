/**
 * Every time the window shows, in one style: the system locale's own short
 * formats through Intl (so "14:05" or "2:05 PM" as the system writes it).
 */
const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateAndExactTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

export const formatTime = (date: Date): string => timeOfDay.format(date)
export const formatDateTime = (date: Date): string => dateAndTime.format(date)
/** With seconds, for revisions: several can be saved within a minute. */
export const formatDateTimeExactly = (date: Date): string => dateAndExactTime.format(date)
export const formatDate = (date: Date): string => shortDate.format(date)
/** A span of time, e.g. an editing session, with what its ends share written once ("Dec 2, 2026, 5:18 – 5:40 PM"). */
export const formatDateTimeRange = (from: Date, to: Date): string => dateAndTime.formatRange(from, to)
