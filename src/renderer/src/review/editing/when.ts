/** "25 Nov, 10:02": when something was said or suggested, in the reader's locale. */
export const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

/** With seconds, for revisions: several can be saved within a minute. */
export const whenExactly = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' })
