import { execFile } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { openLibrary, type Library } from '../../src/main/library/library'
import { cloneLibrary, shareLibrary } from '../../src/main/sync/share-library'
import { syncLibrary } from '../../src/main/sync/sync'
import { oursWinsMerge } from '../main/sync/ours-wins-merge'
import { ms, timed, verdict, type BenchSection } from './section'
import { cachedSyntheticLibrary } from './synthetic-library'

const SIZE = 10_000
const CHANGED = 10
const CACHE_VERSION = 2 // shares library-section.ts's cached 10,000-article library
const author = { name: 'Bench', email: '' }
const run = promisify(execFile)
const plainGit = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=Bench', '-c', 'user.email=', ...args], { cwd, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }, maxBuffer: 64 * 1024 * 1024 })

async function editSome(library: Library, ids: string[], note: string): Promise<void> {
  for (const id of ids) await library.saveArticle(id, { dek: `${note} ${id}` })
}

/**
 * Two clones of a 10,000-article library; each changes 10 articles of its
 * own, the second syncs first, then the first syncs, which is what is timed:
 * commit, fetch, merge (Copydesk's own, building the commit off the work
 * tree and writing the merged files through the library), push. Against it,
 * the same two histories merged by plain `git fetch` + `git merge` in a
 * third clone, in the same run.
 */
export const syncSection: BenchSection = {
  name: 'sync',
  async run(print) {
    const source = await cachedSyntheticLibrary(`copydesk-bench-v${CACHE_VERSION}-${SIZE}`, SIZE, print)
    const work = await mkdtemp(join(tmpdir(), 'copydesk-bench-sync-'))
    try {
      const remote = join(work, 'remote.git')
      await plainGit(work, 'init', '--quiet', '--bare', '--initial-branch=main', remote)
      await cp(source, join(work, 'seed'), { recursive: true })
      const seed = await openLibrary(join(work, 'seed'), 'existing', { indexNow: false })
      const shared = await timed(async () => {
        await shareLibrary(seed, author, remote)
        return syncLibrary(seed, { ...oursWinsMerge(), author })
      })
      await seed.close()
      print(`  sharing ${SIZE} articles (init, first commit, push): ${ms(shared.ms)}`)

      const [a, b] = [await cloneLibrary(remote, join(work, 'a')), await cloneLibrary(remote, join(work, 'b'))]
      const ids = (await a.listArticles()).map((hit) => hit.id)
      await editSome(b, ids.slice(0, CHANGED), 'Changed on B')
      await syncLibrary(b, { ...oursWinsMerge(), author })
      await editSome(a, ids.slice(CHANGED, 2 * CHANGED), 'Changed on A')

      // The same histories for plain git: A's edits committed in a copy of A, which then fetches and merges B's.
      await cp(join(work, 'a'), join(work, 'plain'), { recursive: true })
      await plainGit(join(work, 'plain'), 'add', '--all')
      await plainGit(join(work, 'plain'), 'commit', '--quiet', '-m', 'A')
      const plain = await timed(async () => {
        await plainGit(join(work, 'plain'), 'fetch', '--quiet', 'origin')
        await plainGit(join(work, 'plain'), 'merge', '--quiet', '--no-edit', 'origin/main')
      })

      const synced = await timed(() => syncLibrary(a, { ...oursWinsMerge(), author }))
      if (synced.value.state !== 'synced') throw new Error(`the timed sync failed: ${synced.value.lastError}`)
      const landed = (await a.getArticle(ids[0]!)).dek === `Changed on B ${ids[0]}`
      await Promise.all([a.close(), b.close()])

      print(`  git fetch + git merge, ${CHANGED} articles changed on each side: ${ms(plain.ms)}`)
      print(`  copydesk sync (commit, fetch, merge, write through the library, push): ${ms(synced.ms)}  (the other side's edits ${landed ? 'landed' : 'DID NOT land'})`)
      const ratio = synced.ms / plain.ms
      print(`  target ≤ 2 s: ${verdict(synced.ms <= 2000)}; ≤ 3× plain git (${ratio.toFixed(1)}×): ${verdict(ratio <= 3)}`)
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }
}
