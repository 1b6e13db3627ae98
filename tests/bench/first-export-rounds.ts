/**
 * First exports of the bench library, whole, one after another:
 * `npx tsx tests/bench/first-export-rounds.ts [rounds] [libraryDir]`.
 * render-rounds.ts measures one render thread's work; this measures what the
 * export section's first export does (render threads, staging, commit,
 * manifest, render cache) and prints, per round, articles/s, the process's
 * CPU per article (every thread: main, render threads, GC helpers) and one
 * sha256 over every file of the site, so two versions can be compared for
 * speed and identical bytes without the whole bench. Each round writes a new
 * site and they are deleted only at the end: ext4 creates files slower for
 * minutes after many were deleted (see export-section.ts). The first round
 * starts the render threads and later rounds reuse them, as an export after
 * its preview does in the app; COPYDESK_NEW_THREADS=1 starts new ones for
 * every round. Then five
 * re-exports after one edit each, into the last site. It edits the library:
 * give it a copy.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { articleStatuses } from '../../src/shared/article/article'
import { openLibrary } from '../../src/main/library/library'
import { endKeptRenderThreads } from '../../src/main/site-export/render-pool'
import { runSiteExport } from '../../src/main/site-export/site-export'
import { cachedSyntheticLibrary } from './synthetic-library'

const today = '2025-11-01'
/** The export reports progress every this many articles (plan.ts). */
const BATCHED = 32
const EDITS = 5

/** One sha256 over every file's path and bytes, in path order. */
async function siteDigest(site: string): Promise<string> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort()
  const all = createHash('sha256')
  for (const file of files) all.update(relative(site, file)).update('\0').update(await readFile(file))
  return `${files.length} files, sha256 ${all.digest('hex').slice(0, 16)}`
}

async function main(rounds: number, libraryDir: string | undefined): Promise<void> {
  const dir = libraryDir ?? (await cachedSyntheticLibrary('copydesk-bench-export-v1-10000', 10_000, console.log))
  const library = await openLibrary(dir, 'existing', { indexNow: false })
  const work = join(tmpdir(), `copydesk-first-export-rounds-${process.pid}`)
  try {
    let site = ''
    for (let round = 0; round < rounds; round++) {
      site = join(work, `site-${round}`)
      await mkdir(site, { recursive: true })
      await rm(join(library.dir, 'site-export-cache'), { recursive: true, force: true })
      if (process.env['COPYDESK_NEW_THREADS'] === '1') endKeptRenderThreads()
      execFileSync('sync')
      let staged = 0
      let firstProgress = 0
      const cpu = process.cpuUsage()
      const started = performance.now()
      const report = await runSiteExport(library, { siteDir: site, profile: 'hugo', statuses: [...articleStatuses], siteKit: true }, {
        today,
        onProgress: ({ phase }) => {
          if (!firstProgress) firstProgress = performance.now() - started
          if (phase === 'writing' && !staged) staged = performance.now() - started
        }
      })
      const wall = performance.now() - started
      const used = process.cpuUsage(cpu)
      const articles = report.articleCount
      console.log(
        `round ${round + 1}: ${articles} articles in ${wall.toFixed(0)} ms (from ${(started / 1000).toFixed(2)} s of the process; first ${BATCHED} rendered at ${firstProgress.toFixed(0)}, staged at ${staged.toFixed(0)}), ${((articles / wall) * 1000).toFixed(0)} art/s, ` +
          `CPU ${((used.user + used.system) / articles).toFixed(0)} µs/article (user ${(used.user / 1000).toFixed(0)} ms, system ${(used.system / 1000).toFixed(0)} ms), ${await siteDigest(site)}`
      )
    }
    // A re-export after one edit must stay fast (issue 16: < 300 ms quiet): into the last round's site, with its render cache.
    const times: number[] = []
    for (let edit = 0; edit < EDITS; edit++) {
      const [first] = await library.listArticles({ sort: 'updated' })
      await library.saveArticle(first!.id, { dek: `Edited for the benchmark at ${Date.now()}` })
      const cpu = process.cpuUsage()
      const started = performance.now()
      await runSiteExport(library, { siteDir: site, profile: 'hugo', statuses: [...articleStatuses], siteKit: true }, { today })
      const used = process.cpuUsage(cpu)
      times.push(performance.now() - started)
      console.log(`re-export after one edit: ${times.at(-1)!.toFixed(0)} ms, CPU ${((used.user + used.system) / 1000).toFixed(0)} ms`)
    }
    console.log(`re-export after one edit, median of ${EDITS}: ${times.sort((a, b) => a - b)[Math.floor(EDITS / 2)]!.toFixed(0)} ms`)
  } finally {
    await library.close()
    if (process.env['COPYDESK_KEEP_SITES'] !== '1') await rm(work, { recursive: true, force: true })
  }
}

await main(Number(process.argv[2] ?? 3), process.argv[3])
