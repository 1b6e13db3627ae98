/**
 * Opening a cached bench library, alone, several times in one process: for
 * each opening its wall time, the main thread's CPU time, the process's (the
 * stamp thread and V8's helper threads included) and the garbage collectors'
 * pauses; then the medians of all but the first (modules, compiled code and
 * the stamp thread's bundle are made by the first). The main thread's CPU
 * time moves far less than wall time with whatever else the machine runs, so
 * it tells a change to the opening apart on a shared machine, which the
 * library section's median of three openings cannot. The main thread's wait
 * for a CPU (runnable, not running) says how much of the wall time others
 * took: other processes, or BUSY=1's spinning threads, which keep every core
 * busy meanwhile, as the library section's busy mode does. Each time it went
 * to sleep (waiting for libuv's thread pool, the stamp thread or a
 * collection's helper threads), a busy machine made it wait to be woken.
 * Linux only (the thread's times are read from /proc).
 *
 *   npx tsx tests/bench/library-open-cpu.ts [library folder] [openings]
 */
import { readFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { openLibrary } from '../../src/main/library/library'
import { busyCores, percentile } from './section'
import { threadTimes } from './thread-times'

const dir = process.argv[2] ?? join(tmpdir(), 'copydesk-bench-v2-50000')
const rounds = Number(process.argv[3] ?? 5)
const busy = process.env['BUSY'] === '1'

/** How many times the calling thread went to sleep (waiting for I/O, another thread, a collection's helpers) so far. */
const threadSleeps = (): number => Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(readFileSync('/proc/thread-self/status', 'utf8'))?.[1])

async function main(): Promise<void> {
  let gcMs = 0
  const pauses = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration
  })
  pauses.observe({ entryTypes: ['gc'] })
  const load = busy ? busyCores() : null
  const figures: { wall: number; main: number; queued: number; sleeps: number; process: number; gc: number }[] = []
  for (let i = 0; i < rounds; i++) {
    gcMs = 0
    const [cpu, main, sleeps, start] = [process.cpuUsage(), threadTimes(), threadSleeps(), performance.now()]
    const library = await openLibrary(dir, 'existing', { indexNow: false })
    const wall = performance.now() - start
    const { user, system } = process.cpuUsage(cpu)
    const after = threadTimes()
    figures.push({ wall, main: after.cpu - main.cpu, queued: after.queued - main.queued, sleeps: threadSleeps() - sleeps, process: (user + system) / 1000, gc: gcMs })
    await library.close()
  }
  await load?.stop()
  pauses.disconnect()
  const later = figures.slice(1)
  const median = (key: keyof (typeof figures)[number]): string => percentile(later.map((figure) => figure[key]), 50).toFixed(0)
  const each = figures.map((f) => `${f.wall.toFixed(0)}/${f.main.toFixed(0)}/${f.process.toFixed(0)}/${f.gc.toFixed(0)}`).join(' ')
  console.log(`${busy ? 'busy' : 'quiet'}, load ${loadavg()[0]!.toFixed(2)}: median of openings 2-${rounds}: wall ${median('wall')} ms, main thread CPU ${median('main')} ms, waiting for a CPU ${median('queued')} ms, asleep ${median('sleeps')} times, process CPU ${median('process')} ms, GC pauses ${median('gc')} ms`)
  console.log(`  each opening, wall/main/process/GC ms: ${each}`)
}

void main()
