/** The name of the performance mark the page sets when the article list first shows a row. */
export const LIST_SHOWN_MARK = 'copydesk-list-shown'

/** What Chromium's tracing needs to record for mainThreadCpuToMark: its tasks (with thread time) and the page's marks. */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing']

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time of a complete slice, in µs. */
  tdur?: number
  args?: { data?: { startTime?: number } }
}

/**
 * CPU time the page's main thread spent in its tasks from the navigation (the page's time origin) to the mark, from a
 * Chromium trace. Unlike the wall time to the mark, it does not grow because other processes had the cores: it is the
 * work on the way to the list (compiling and running the scripts, React's first render, style and layout). Tasks
 * nested in another count once; the task the mark was set in counts whole.
 */
export function mainThreadCpuToMark(trace: Buffer, markName: string): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const mark = events.find((event) => event.name === markName)
  const markTime = mark?.args?.data?.startTime
  if (!mark || markTime === undefined) throw new Error(`The trace holds no "${markName}" mark: was the page's list shown while tracing?`)
  const end = mark.ts
  const origin = end - markTime * 1000
  const tasks = events
    .filter((event) => event.ph === 'X' && event.pid === mark.pid && event.tid === mark.tid && /(^|::)RunTask$/.test(event.name))
    .filter((event) => event.ts >= origin && event.ts <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  let cpu = 0
  let coveredUntil = -Infinity
  for (const task of tasks) {
    if (task.ts < coveredUntil) continue
    cpu += task.tdur ?? 0
    coveredUntil = task.ts + (task.dur ?? 0)
  }
  return cpu / 1000
}
