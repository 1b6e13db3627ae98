import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { gitOrFail } from '../git/safe-git'
import type { LibraryRepo } from './library-repo'

/**
 * When a library's history is packed: git's own `gc --auto` limits. Every
 * Copydesk git run switches git's automatic housekeeping off (safe-git.ts),
 * and each sync leaves new objects: a pack per fast-import (a commit of
 * local work, a merge commit), loose objects from each fetch. Unpacked, a
 * 10,000-article library's big `articles` tree costs about 400 KB on disk a
 * commit; packed, its versions are deltas of a few KB.
 */
export const PACKING_LIMITS = { looseObjects: 6700, packs: 50 }

const countIn = async (dir: string, keep: (name: string) => boolean): Promise<number> =>
  (await readdir(dir).catch(() => [] as string[])).filter(keep).length

/**
 * Whether the repository is past `limits`, judged as git does without a git
 * process: loose objects from one of git's 256 object folders, times 256,
 * and the packs not marked to keep.
 */
export async function historyNeedsPacking(gitDir: string, limits = PACKING_LIMITS): Promise<boolean> {
  const objects = join(gitDir, 'objects')
  const [sampled, packs, kept] = await Promise.all([
    countIn(join(objects, '17'), (name) => /^[0-9a-f]{38,62}$/.test(name)),
    countIn(join(objects, 'pack'), (name) => name.endsWith('.pack')),
    countIn(join(objects, 'pack'), (name) => name.endsWith('.keep'))
  ])
  return sampled * 256 > limits.looseObjects || packs - kept > limits.packs
}

/**
 * Packs the library's history when it is past `limits`, with git's own
 * `gc --auto` (in this process, not left running detached). Most syncs only
 * look at two folders and start nothing. A gc killed halfway leaves every
 * object where it was: git writes the new pack before removing what it
 * replaces. Returns whether it packed.
 */
export async function packHistoryIfDue(repo: LibraryRepo, limits = PACKING_LIMITS, onPacking?: () => void): Promise<boolean> {
  if (!(await historyNeedsPacking(repo.gitDir, limits))) return false
  onPacking?.()
  // These follow safe-git's gc.auto=0, and the last value of a setting wins.
  const settings: [string, string][] = [
    ['gc.auto', String(limits.looseObjects)],
    ['gc.autoPackLimit', String(limits.packs)],
    ['gc.autoDetach', 'false']
  ]
  await gitOrFail(repo, ['gc', '--auto', '--quiet'], 'pack the library’s history', { settings })
  return true
}
