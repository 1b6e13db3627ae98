import { readFileSync } from 'node:fs'

/**
 * A thread of this process's time on a CPU and waiting for one (runnable, not
 * running) so far, in ms, from Linux's scheduler statistics (nanoseconds):
 * the calling thread by default, or the thread `tid`. The CPU time of one
 * thread tells a change to its work apart on a shared machine, where wall
 * time moves with whatever else runs.
 */
export function threadTimes(tid?: number): { cpu: number; queued: number } {
  const file = tid === undefined ? '/proc/thread-self/schedstat' : `/proc/self/task/${tid}/schedstat`
  const [cpu, queued] = readFileSync(file, 'utf8').split(' ').map((ns) => Number(ns) / 1e6)
  return { cpu: cpu!, queued: queued! }
}
