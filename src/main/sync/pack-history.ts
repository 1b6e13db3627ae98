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
 * Packs the library's history when it is past `limits`. Most syncs only look
 * at two folders and start nothing. The packing is git's geometric repack,
 * as `git maintenance` does it, not `gc`: it rolls the loose objects and the
 * small recent packs together and leaves the big old pack alone, so its cost
 * follows what the last syncs added, where `gc` rewrites the whole history
 * (44 s on a busy laptop for 10,000 articles). It also locks no ref, so it
 * can run beside a sync. A repack killed halfway leaves every object where it
 * was: git writes the new pack before removing what it replaces. Returns
 * whether it packed.
 */
export async function packHistoryIfDue(repo: LibraryRepo, limits = PACKING_LIMITS, onPacking?: () => void): Promise<boolean> {
  if (!(await historyNeedsPacking(repo.gitDir, limits))) return false
  onPacking?.()
  await gitOrFail(repo, ['repack', '-d', '-l', '-q', '--geometric=2'], 'pack the library’s history')
  return true
}

const packing = new Map<string, Promise<void>>()

/**
 * Packs the history after a sync has answered, one packing per repository at
 * a time: housekeeping is no part of the sync a user waits for. A failure
 * costs only disk space until the next attempt, so it is not reported.
 */
export function packHistoryLater(repo: LibraryRepo, limits = PACKING_LIMITS, onPacking?: () => void): void {
  if (packing.has(repo.dir)) return
  const done = packHistoryIfDue(repo, limits, onPacking)
    .then(() => undefined, () => undefined)
    .finally(() => packing.delete(repo.dir))
  packing.set(repo.dir, done)
}

/** Resolves once no packing of the library in `dir` is running: for a command-line sync before its process ends. */
export const historyPacked = (dir: string): Promise<void> => packing.get(dir) ?? Promise.resolve()
