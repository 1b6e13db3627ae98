import { formatDateTime, formatDateTimeExactly } from '../../lib/time'

/** When something was said or suggested, in the app's one time style. */
export const when = (iso: string): string => formatDateTime(new Date(iso))

/** With seconds, for revisions: several can be saved within a minute. */
export const whenExactly = (iso: string): string => formatDateTimeExactly(new Date(iso))
