import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { openLibrary, type Library } from '../../../src/main/library/library'
import type { SyncAuthor } from '../../../src/main/sync/commit-local'
import { cloneLibrary, shareLibrary } from '../../../src/main/sync/share-library'
import { syncLibrary } from '../../../src/main/sync/sync'
import type { SyncStatus } from '../../../src/main/sync/sync-status'
import { makeTempDir } from '../../support/temp-dir'
import type { Merges } from '../../../src/main/sync/merge-commit'
import { oursWinsMerge } from './ours-wins-merge'

/** Plain system git, for the tests' own look at the repositories (never through the code under test). */
export async function gitIn(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', args, { cwd: dir, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } })
  return stdout
}

export const hajra: SyncAuthor = { name: 'Hajra Naz', email: '' }
export const tomas: SyncAuthor = { name: 'Tomás Ruiz', email: 'tomas@example.org' }

/**
 * A desk of people sharing one library through a bare repository in a temp
 * folder: the first shares their library, the others clone it. Every
 * library stays open, as each person's app would keep it. Merges default to
 * the recording ours-wins double; pass Copydesk's own to test real merging.
 */
export async function makeTeam<M extends Merges = ReturnType<typeof oursWinsMerge>>(size: number, seed?: (library: Library) => Promise<void>, merges: M = oursWinsMerge() as Merges as M) {
  const temp = await makeTempDir('copydesk-sync-')
  const remote = join(temp.path, 'remote.git')
  await promisify(execFile)('git', ['init', '--quiet', '--bare', '--initial-branch=main', remote])
  const first = await openLibrary(join(temp.path, 'clone-0'))
  await seed?.(first)
  await shareLibrary(first, hajra, remote)
  const merge = merges
  const sync = (library: Library, author: SyncAuthor = hajra): Promise<SyncStatus> => syncLibrary(library, { ...merge, author })
  const firstSync = await sync(first)
  if (firstSync.state !== 'synced') throw new Error(`the first sync failed: ${firstSync.lastError}`)
  const libraries = [first]
  for (let n = 1; n < size; n++) libraries.push(await cloneLibrary(remote, join(temp.path, `clone-${n}`)))
  return {
    remote,
    libraries,
    merge,
    sync,
    dir: temp.path,
    async cleanup() {
      await Promise.all(libraries.map((library) => library.close()))
      await temp.cleanup()
    }
  }
}
export type Team = Awaited<ReturnType<typeof makeTeam<ReturnType<typeof oursWinsMerge>>>>
