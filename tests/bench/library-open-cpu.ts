/**
 * Opening a cached bench library, alone, several times in one process: for
 * each opening its wall time, the main thread's CPU time, the process's (the
 * stamp thread and V8's helper threads included) and the garbage collectors'
 * pauses; then the medians of all but the first (modules, compiled code and
 * the stamp thread's bundle are made by the first). The main thread's CPU
 * time moves far less than wall time with whatever else the machine runs, so
 * it tells a change to the opening apart on a shared machine, which the
 * library section's median of three openings cannot. BUSY=1 keeps every core
 * busy meanwhile, as the library section's busy mode does. Linux only (the
 * thread's CPU time is read from /proc).
 *
 *   npx tsx tests/bench/library-open-cpu.ts [library folder] [openings]
 */
import { readFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { openLibrary } from '../../src/main/library/library'
import { busyCores, percentile } from './section'

const dir = process.argv[2] ?? join(tmpdir(), 'copydesk-bench-v2-50000')
const rounds = Number(process.argv[3] ?? 5)
const busy = process.env['BUSY'] === '1'

/** The calling thread's time on a CPU so far, in ms. */
const threadCpuMs = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6

async function main(): Promise<void> {
  let gcMs = 0
  const pauses = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration
  })
  pauses.observe({ entryTypes: ['gc'] })
  const load = busy ? busyCores() : null
  const figures: { wall: number; main: number; process: number; gc: number }[] = []
  for (let i = 0; i < rounds; i++) {
    gcMs = 0
    const [cpu, main, start] = [process.cpuUsage(), threadCpuMs(), performance.now()]
    const library = await openLibrary(dir, 'existing', { indexNow: false })
    const wall = performance.now() - start
    const { user, system } = process.cpuUsage(cpu)
    figures.push({ wall, main: threadCpuMs() - main, process: (user + system) / 1000, gc: gcMs })
    await library.close()
  }
  await load?.stop()
  pauses.disconnect()
  const later = figures.slice(1)
  const median = (key: keyof (typeof figures)[number]): string => percentile(later.map((figure) => figure[key]), 50).toFixed(0)
  const each = figures.map((f) => `${f.wall.toFixed(0)}/${f.main.toFixed(0)}/${f.process.toFixed(0)}/${f.gc.toFixed(0)}`).join(' ')
  console.log(`${busy ? 'busy' : 'quiet'}, load ${loadavg()[0]!.toFixed(2)}: median of openings 2-${rounds}: wall ${median('wall')} ms, main thread CPU ${median('main')} ms, process CPU ${median('process')} ms, GC pauses ${median('gc')} ms`)
  console.log(`  each opening, wall/main/process/GC ms: ${each}`)
}

void main()
