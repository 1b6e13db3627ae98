/**
 * A first export's per-article work alone, on this thread, repeated:
 * `npx tsx tests/bench/render-rounds.ts [articles] [rounds]`. The export
 * section's first export is bound by its render threads, and it takes minutes
 * to run under load; this renders the bench library's articles as a render
 * thread does (renderArticle, dry run: read, render, hash, compare) and prints
 * CPU time per article and the sha256 over every rendered file, so two
 * versions can be compared for speed and for identical bytes in one minute.
 * With COPYDESK_RENDER_PROFILE=1 the last round's V8 CPU profile is written
 * to the temp folder.
 */
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../../src/main/library/library'
import { exportContext } from '../../src/main/site-export/context'
import { renderArticle, type RenderSetup } from '../../src/main/site-export/render-article'
import { exportMarkdown, profiles } from '../../src/shared/export'
import { cachedSyntheticLibrary } from './synthetic-library'

const today = '2025-11-01'

async function main(count: number, rounds: number): Promise<void> {
  const dir = await cachedSyntheticLibrary('copydesk-bench-export-v1-10000', 10_000, console.log)
  const library = await openLibrary(dir, 'existing', { indexNow: false })
  const { ctx, summaries } = await exportContext(library, today)
  const sources = await library.articleSources()
  const site = join(tmpdir(), 'copydesk-render-rounds-empty-site')
  const setup: RenderSetup = { ctx, profile: 'hugo', layout: {}, siteRealRoot: site, stage: false }
  const picked = summaries.slice(0, count)
  const targets = picked.map((summary) => {
    const path = profiles.hugo.articlePath(summary)
    return { source: sources.get(summary.id)!, target: { path, file: join(site, path) } }
  })
  const profile = process.env['COPYDESK_RENDER_PROFILE'] === '1'
  const allocations = process.env['COPYDESK_RENDER_ALLOCATIONS'] === '1'
  const session = new Session()
  session.connect()
  for (let round = 0; round < rounds; round++) {
    const last = round === rounds - 1
    if (profile && last) {
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: 200 })
      await session.post('Profiler.start')
    }
    if (allocations && last) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true })
    const all = createHash('sha256')
    const cpu = process.cpuUsage()
    const started = performance.now()
    for (const { source, target } of targets) all.update((await renderArticle(source, target, setup)).sha256)
    const wall = performance.now() - started
    const used = process.cpuUsage(cpu)
    if (profile && last) {
      const { profile: cpuProfile } = await session.post('Profiler.stop')
      const file = join(tmpdir(), `render-rounds-${process.pid}.cpuprofile`)
      await writeFile(file, JSON.stringify(cpuProfile))
      console.log(`profile: ${file}`)
    }
    if (allocations && last) {
      const { profile: heapProfile } = await session.post('HeapProfiler.stopSampling')
      const file = join(tmpdir(), `render-rounds-${process.pid}.heapprofile`)
      await writeFile(file, JSON.stringify(heapProfile))
      console.log(`allocation profile: ${file}`)
    }
    const perArticle = (used.user + used.system) / 1000 / targets.length
    console.log(`round ${round + 1}: ${targets.length} articles, CPU ${perArticle.toFixed(3)} ms/article (wall ${(wall / targets.length).toFixed(3)}), all files sha256 ${all.digest('hex').slice(0, 16)}`)
  }
  // exportMarkdown alone, on articles already parsed.
  const articles = await Promise.all(picked.slice(0, 500).map((summary) => library.getArticle(summary.id)))
  for (let round = 0; round < 3; round++) {
    const cpu = process.cpuUsage()
    for (const article of articles) exportMarkdown(article, ctx, 'hugo')
    const used = process.cpuUsage(cpu)
    console.log(`exportMarkdown alone: CPU ${((used.user + used.system) / 1000 / articles.length).toFixed(3)} ms/article`)
  }
  await library.close()
}

await main(Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 4))
