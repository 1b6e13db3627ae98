import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { LibraryRepo } from './library-repo'

async function lockFiles(gitDir: string): Promise<string[]> {
  const top = ['index.lock', 'HEAD.lock', 'packed-refs.lock', 'config.lock', 'shallow.lock'].map((name) => join(gitDir, name))
  const refs = await readdir(join(gitDir, 'refs'), { recursive: true }).catch(() => [] as string[])
  const present = await Promise.all([...top, ...refs.filter((name) => name.endsWith('.lock')).map((name) => join(gitDir, 'refs', name))].map((file) => stat(file).then(() => file, () => null)))
  return present.filter((file): file is string => file !== null)
}

/**
 * A sync killed while git was writing leaves git's own lock files (index.lock,
 * a branch's .lock), which make every later git command fail. Only one sync
 * runs at a time (the sync lock), so a lock file still there after git had
 * time to finish is a leftover: a git process orphaned by the kill finishes
 * within moments and removes its own.
 */
export async function clearGitLeftovers(repo: LibraryRepo, graceMs = 3_000): Promise<number> {
  const started = Date.now()
  let left = await lockFiles(repo.gitDir)
  while (left.length && Date.now() - started < graceMs) {
    await sleep(100)
    left = await lockFiles(repo.gitDir)
  }
  await Promise.all(left.map((file) => rm(file, { force: true })))
  await rm(join(repo.stateDir, 'merge-index'), { force: true })
  return left.length
}
