/**
 * The first search-index build of a cached bench library, alone: CPU and
 * wall time per article until search is ready, then until the index is
 * saved; the CPU of the whole process (threads included) and of its main
 * thread. Reads the library's article files and writes the index to a
 * temporary folder, so the cached library stays as it is. `busy` keeps every
 * core busy with spinning threads, as the bench does; their CPU is left out.
 *
 *   npx tsx tests/bench/search-build-cpu.ts [library folder] [article count] [busy]
 */
import { readdirSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { libraryPaths, parseArticleFileName } from '../../src/main/library/layout'
import { LibrarySearch } from '../../src/main/library/search-service'
import type { IndexEntry } from '../../src/main/library/summary'
import { busyCores } from './section'
import { threadTimes } from './thread-times'

const dir = process.argv[2] || join(tmpdir(), 'copydesk-bench-v2-50000')
const limit = Number(process.argv[3] || Infinity)
const busy = process.argv[4] === 'busy'

const threadCpuMs = (tid: number): number => threadTimes(tid).cpu
const threads = (): number[] => readdirSync('/proc/self/task').map(Number)
const processCpuMs = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

async function main(): Promise<void> {
  const paths = libraryPaths(dir)
  const ids = (await readdir(paths.articles)).map(parseArticleFileName).filter((id): id is string => id !== null).slice(0, limit)
  // Only the version of an entry matters to search: one made-up version for all, none of them saved before.
  const entries = new Map(ids.map((id) => [id, { updatedAt: 'bench', stamp: { mtimeMs: 0, size: 0 } } as unknown as IndexEntry]))
  const out = await mkdtemp(join(tmpdir(), 'copydesk-search-build-'))
  const before = new Set(threads())
  const load = busy ? busyCores() : null
  await sleep(busy ? 300 : 0)
  const spinners = threads().filter((tid) => !before.has(tid))
  const spun = (): number => spinners.reduce((sum, tid) => sum + threadCpuMs(tid), 0)
  try {
    const search = new LibrarySearch({ ...paths, search: join(out, 'search') }, entries)
    const [cpu, main, spin, start] = [processCpuMs(), threadCpuMs(process.pid), spun(), performance.now()]
    const figures = (): string => {
      const [all, mainMs, wall] = [processCpuMs() - cpu - (spun() - spin), threadCpuMs(process.pid) - main, performance.now() - start]
      const per = (ms: number): string => (ms / ids.length).toFixed(3)
      return `CPU ${all.toFixed(0)} ms (${per(all)} ms/article), main thread ${mainMs.toFixed(0)} ms (${per(mainMs)}), wall ${wall.toFixed(0)} ms (${per(wall)})`
    }
    await search.ready()
    const ready = figures()
    await search.close()
    const saved = figures()
    console.log(`${ids.length} articles${busy ? `, ${spinners.length} cores kept busy` : ''}, load ${loadavg()[0]!.toFixed(1)}`)
    console.log(`  ready  ${ready}`)
    console.log(`  saved  ${saved}, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`)
  } finally {
    await load?.stop()
    await rm(out, { recursive: true, force: true })
  }
}

void main()
