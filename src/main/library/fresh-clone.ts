import { lstat, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { INDEX_FILE } from './layout'

/**
 * Whether `dir` looks like a shared library just cloned with plain `git
 * clone`: a `.git` of its own and a `.gitignore` that keeps Copydesk's index
 * out of the repository. Such a folder has no index by design, so building
 * one is no news to its user.
 */
export async function isFreshClone(dir: string): Promise<boolean> {
  const hasGit = await lstat(join(dir, '.git')).then(() => true, () => false)
  if (!hasGit) return false
  const ignored = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => '')
  return ignored.split(/\r?\n/).includes(`/${INDEX_FILE}`)
}
