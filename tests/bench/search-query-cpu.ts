/**
 * The library bench's 100 queries against a cached bench library's saved
 * search index, as listArticles runs them (search, then a quote per hit):
 * CPU and wall p50 / p95 per query, for a few rounds. Reads a copy of the
 * saved index, so the cached library stays as it is.
 *
 *   npx tsx tests/bench/search-query-cpu.ts [library folder] [rounds]
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { libraryPaths } from '../../src/main/library/layout'
import { readSearchFile } from '../../src/main/library/search-file'
import { LibrarySearch } from '../../src/main/library/search-service'
import type { IndexEntry } from '../../src/main/library/summary'
import { hostingPromo } from '../fixtures/netflix'
import { percentile } from './section'
import { sampleWords, syntheticArticles } from './synthetic-articles'

const dir = process.argv[2] ?? join(tmpdir(), 'copydesk-bench-v2-50000')
const rounds = Number(process.argv[3] ?? 3)

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

async function main(): Promise<void> {
  const paths = libraryPaths(dir)
  const out = await mkdtemp(join(tmpdir(), 'copydesk-search-query-'))
  const file = join(out, 'search')
  try {
    await copyFile(paths.search, file)
    const saved = await readSearchFile(file)
    if (!saved) throw new Error(`${paths.search} is not a search index this version reads`)
    // Entries whose versions are the saved ones (versionOf in search-service.ts), so that nothing is indexed again.
    const entries = new Map<string, IndexEntry>()
    for (const id of saved.ids()) {
      const [updatedAt, mtimeMs, size] = saved.versionOf(id)!.split(' ')
      entries.set(id, { updatedAt, stamp: { mtimeMs, size } } as unknown as IndexEntry)
    }
    saved.close()
    const search = new LibrarySearch({ ...paths, search: file }, entries)
    await search.ready()
    // The queries of library-section.ts.
    const words = sampleWords(syntheticArticles(50, hostingPromo().id, 1), 100)
    const queries = words.map((word, i) => (i % 3 === 0 ? word : i % 3 === 1 ? `${word} ${words[(i * 13) % words.length]}` : word.slice(0, 4)))
    for (let round = 0; round < rounds; round++) {
      const [walls, cpus] = [[] as number[], [] as number[]]
      for (const query of queries) {
        const [cpu, start] = [cpuMs(), performance.now()]
        const matches = await search.find(query, () => true, { limit: 50 })
        await Promise.all(matches.map(({ id, terms }) => search.excerpt(id, terms)))
        walls.push(performance.now() - start)
        cpus.push(cpuMs() - cpu)
      }
      const ms = (n: number): string => `${n.toFixed(1)} ms`
      console.log(`round ${round}: CPU p50 ${ms(percentile(cpus, 50))} p95 ${ms(percentile(cpus, 95))}, wall p50 ${ms(percentile(walls, 50))} p95 ${ms(percentile(walls, 95))}, load ${loadavg()[0]!.toFixed(1)}`)
    }
    await search.close()
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}

void main()
