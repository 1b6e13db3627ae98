/**
 * The sync bench's timed part alone, repeated: `npx tsx tests/bench/sync-rounds.ts [rounds]`.
 * The bench's sync section spends about 35 s (minutes under load) sharing
 * 10,000 articles before it times anything; this shares them once into
 * COPYDESK_SYNC_ROUNDS_DIR (default: a folder in the temp folder, kept) and
 * then runs the section's round as often as asked, each on ten new articles
 * per side: B changes 10 and syncs, A changes 10 others, plain `git fetch` +
 * `git merge` of the same histories in a copy of A, then A syncs. Each round
 * prints wall and CPU time (with the git processes) of both, the git process
 * count, and where the sync's steps were reached. With COPYDESK_SYNC_PROFILE=1
 * each timed sync's V8 CPU profile is written beside the folder.
 */
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../../src/main/library/library'
import { cloneLibrary, shareLibrary } from '../../src/main/sync/share-library'
import { syncLibrary } from '../../src/main/sync/sync'
import { oursWinsMerge } from '../main/sync/ours-wins-merge'
import { busyCores } from './section'
import { author, CHANGED, measured, plainGit, SIZE } from './sync-section'
import { cachedSyntheticLibrary } from './synthetic-library'

const work = process.env['COPYDESK_SYNC_ROUNDS_DIR'] ?? join(tmpdir(), 'copydesk-sync-rounds')
const counter = join(work, 'rounds-done')

async function shareOnce(): Promise<void> {
  if (await stat(counter).catch(() => null)) return
  await rm(work, { recursive: true, force: true })
  await mkdir(work, { recursive: true })
  const remote = join(work, 'remote.git')
  const source = await cachedSyntheticLibrary(`copydesk-bench-v2-${SIZE}`, SIZE, console.log)
  await plainGit(work, 'init', '--quiet', '--bare', '--initial-branch=main', remote)
  await cp(source, join(work, 'seed'), { recursive: true })
  const seed = await openLibrary(join(work, 'seed'), 'existing', { indexNow: false })
  await shareLibrary(seed, author, remote)
  const shared = await syncLibrary(seed, { ...oursWinsMerge(), author })
  await seed.close()
  if (shared.state !== 'synced') throw new Error(`sharing failed: ${shared.lastError}`)
  for (const side of ['a', 'b']) {
    const library = await cloneLibrary(remote, join(work, side))
    await library.searchReady()
    await library.close()
  }
  await writeFile(counter, '0')
}

async function main(rounds: number): Promise<void> {
  await shareOnce()
  const [a, b] = [await openLibrary(join(work, 'a'), 'existing'), await openLibrary(join(work, 'b'), 'existing')]
  await Promise.all([a.searchReady(), b.searchReady()])
  const ids = (await a.listArticles()).map((hit) => hit.id)
  const busy = process.env['COPYDESK_SYNC_ROUNDS_BUSY'] === '1'
  for (let done = Number(await readFile(counter, 'utf8')), i = 0; i < rounds; i++, done++) {
    const k = done % Math.floor(ids.length / (2 * CHANGED))
    const [fromB, fromA] = [ids.slice(2 * k * CHANGED, (2 * k + 1) * CHANGED), ids.slice((2 * k + 1) * CHANGED, (2 * k + 2) * CHANGED)]
    for (const id of fromB) await b.saveArticle(id, { dek: `B ${done} ${id}` })
    await syncLibrary(b, { ...oursWinsMerge(), author })
    for (const id of fromA) await a.saveArticle(id, { dek: `A ${done} ${id}` })
    const copy = join(work, 'plain')
    await rm(copy, { recursive: true, force: true })
    await cp(join(work, 'a'), copy, { recursive: true })
    await plainGit(copy, 'add', '--all')
    await plainGit(copy, 'commit', '--quiet', '-m', 'A')
    const load = busy ? busyCores() : null
    const plain = await measured(async () => {
      await plainGit(copy, 'fetch', '--quiet', 'origin')
      await plainGit(copy, 'merge', '--quiet', '--no-edit', 'origin/main')
    })
    const profiler = process.env['COPYDESK_SYNC_PROFILE'] === '1' ? new Session() : null
    if (profiler) {
      profiler.connect()
      await profiler.post('Profiler.enable')
      await profiler.post('Profiler.start')
    }
    const started = performance.now()
    const steps: string[] = []
    const synced = await measured(() => syncLibrary(a, { ...oursWinsMerge(), author, onStep: (step) => steps.push(`${step} ${(performance.now() - started).toFixed(0)}`) }))
    if (profiler) await writeFile(`${work}-${done}.cpuprofile`, JSON.stringify((await profiler.post('Profiler.stop')).profile))
    await load?.stop()
    const landed = (await a.getArticle(fromB[0]!)).dek === `B ${done} ${fromB[0]}`
    console.log(
      `round ${done}: git ${plain.ms.toFixed(0)} ms (CPU ${plain.cpu.toFixed(0)}), sync ${synced.ms.toFixed(0)} ms (CPU ${synced.cpu.toFixed(0)}), ` +
        `${(synced.ms / plain.ms).toFixed(2)}× wall, ${(synced.cpu / plain.cpu).toFixed(2)}× CPU, ${synced.gitRuns} git processes, ${synced.value.state}${landed ? '' : ', B’s edits DID NOT land'}; steps (ms): ${steps.join(', ')}`
    )
    await writeFile(counter, String(done + 1))
  }
  await Promise.all([a.close(), b.close()])
}

main(Number(process.argv[2] ?? 3)).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
