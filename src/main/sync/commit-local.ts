import { gitOrFail, repoGit, type GitSetting } from '../git/safe-git'
import { pathKind } from './repo-layout'
import type { LibraryRepo } from './library-repo'

/** Who a sync's commits are by: the profile's name, with the email of the user's git config if they have one. */
export interface SyncAuthor {
  name: string
  email: string
}

export const authorSettings = ({ name, email }: SyncAuthor): GitSetting[] => [
  ['user.name', name],
  ['user.email', email]
]

/**
 * Commits everything changed in the library since the last commit (the
 * ignore list keeps the caches out). Returns whether there was anything.
 * Saves are atomic renames, so git reads each file whole, old or new.
 */
export async function commitLocalChanges(repo: LibraryRepo, author: SyncAuthor): Promise<boolean> {
  await gitOrFail(repo, ['add', '--all'], 'note the library’s changes')
  const staged = (await gitOrFail(repo, ['diff', '--cached', '--name-only', '-z', '--no-renames'], 'list the library’s changes')).split('\0').filter(Boolean)
  if (staged.length === 0) return false
  const articles = new Set(staged.flatMap((path) => {
    const kind = pathKind(path)
    return kind.kind === 'article' ? [kind.id] : []
  }))
  const what = articles.size ? `${articles.size} article${articles.size === 1 ? '' : 's'}` : `${staged.length} file${staged.length === 1 ? '' : 's'}`
  const run = await repoGit(repo, ['commit', '--quiet', '--no-verify', '-m', `Changes by ${author.name}: ${what}`], { settings: authorSettings(author) })
  if (run.code !== 0) throw new Error(`git could not commit the library’s changes: ${run.stderr.trim()}`)
  return true
}
