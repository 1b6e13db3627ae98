import { describe, expect, it } from 'vitest'
import { mainThreadCpuToMark } from './main-thread-cpu'

const MAIN = { pid: 7, tid: 7 }
const task = (ts: number, dur: number, tdur: number, where = MAIN, name = 'ThreadControllerImpl::RunTask') => ({ name, ph: 'X', ts, dur, tdur, ...where })
// The page's time origin is at 1,000,000 µs on the trace's clock: the mark was set 500 ms after it.
const mark = { name: 'list', ph: 'I', ts: 1_500_000, ...MAIN, args: { data: { startTime: 500 } } }
const trace = (events: object[]): Buffer => Buffer.from(JSON.stringify({ traceEvents: events }))

describe('mainThreadCpuToMark', () => {
  it('sums the thread time of the main thread\'s tasks between the time origin and the mark, a nested task once', () => {
    const events = [
      mark,
      task(1_010_000, 40_000, 30_000),
      // Nested in the task above: its time is already in the outer task's.
      task(1_020_000, 10_000, 9_000, MAIN, 'RunTask'),
      task(1_200_000, 100_000, 60_000, MAIN, 'RunTask'),
      // Before the navigation, after the mark, and on other threads or processes: not the page's way to the list.
      task(900_000, 50_000, 50_000),
      task(1_600_000, 10_000, 10_000),
      task(1_100_000, 10_000, 10_000, { pid: 7, tid: 8 }),
      task(1_100_000, 10_000, 10_000, { pid: 9, tid: 7 }),
      // Not a task: a slice of work inside one.
      task(1_250_000, 5_000, 5_000, MAIN, 'Layout')
    ]
    expect(mainThreadCpuToMark(trace(events), 'list')).toBe(90)
  })

  it('says so when the trace holds no such mark', () => {
    expect(() => mainThreadCpuToMark(trace([task(1_010_000, 1000, 1000)]), 'list')).toThrow(/no "list" mark/)
  })
})
