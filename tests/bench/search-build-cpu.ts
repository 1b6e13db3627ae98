/**
 * The first search-index build of a cached bench library, alone: CPU and
 * wall time per article until search is ready, then until the index is
 * saved. Reads the library's article files and writes the index to a
 * temporary folder, so the cached library stays as it is.
 *
 *   npx tsx tests/bench/search-build-cpu.ts [library folder] [article count]
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { libraryPaths, parseArticleFileName } from '../../src/main/library/layout'
import { LibrarySearch } from '../../src/main/library/search-service'
import type { IndexEntry } from '../../src/main/library/summary'

const dir = process.argv[2] ?? join(tmpdir(), 'copydesk-bench-v2-50000')
const limit = Number(process.argv[3] ?? Infinity)

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since)
  return (user + system) / 1000
}

async function main(): Promise<void> {
  const paths = libraryPaths(dir)
  const ids = (await readdir(paths.articles)).map(parseArticleFileName).filter((id): id is string => id !== null).slice(0, limit)
  // Only the version of an entry matters to search: one made-up version for all, none of them saved before.
  const entries = new Map(ids.map((id) => [id, { updatedAt: 'bench', stamp: { mtimeMs: 0, size: 0 } } as unknown as IndexEntry]))
  const out = await mkdtemp(join(tmpdir(), 'copydesk-search-build-'))
  try {
    const search = new LibrarySearch({ ...paths, search: join(out, 'search') }, entries)
    const [cpu, start] = [process.cpuUsage(), performance.now()]
    await search.ready()
    const [readyCpu, readyWall] = [cpuMs(cpu), performance.now() - start]
    await search.close()
    const [savedCpu, savedWall] = [cpuMs(cpu), performance.now() - start]
    const per = (ms: number): string => `${(ms / ids.length).toFixed(3)} ms/article`
    console.log(`${ids.length} articles, load ${loadavg()[0]!.toFixed(1)}`)
    console.log(`  ready  CPU ${readyCpu.toFixed(0)} ms (${per(readyCpu)}), wall ${readyWall.toFixed(0)} ms (${per(readyWall)})`)
    console.log(`  saved  CPU ${savedCpu.toFixed(0)} ms (${per(savedCpu)}), wall ${savedWall.toFixed(0)} ms (${per(savedWall)}), RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`)
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}

void main()
