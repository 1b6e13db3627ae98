import { lstat, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FastImport } from '../git/fast-import'
import { gitOrFail, nulList, repoGit, type GitSetting } from '../git/safe-git'
import { pathKind } from './repo-layout'
import { commitOf, type LibraryRepo } from './library-repo'

/** Who a sync's commits are by: the profile's name, with the email of the user's git config if they have one. */
export interface SyncAuthor {
  name: string
  email: string
}

export const authorSettings = ({ name, email }: SyncAuthor): GitSetting[] => [
  ['user.name', name],
  ['user.email', email]
]

/** What `changedPaths` found: the paths, and whether any is new to git (or unmerged). */
export interface ChangeList {
  paths: string[]
  untracked: boolean
}

/** Past this many changed files, staging everything is quicker than naming each (a first share names 10,000). */
const NAMED_PATHS_MAX = 200

/**
 * The paths `git status` finds changed in the work tree or staged, new files
 * included and the ignore list respected. It compares each file's stat with
 * the index, so 10,000 unchanged articles cost a stat each, whoever wrote
 * the changed ones (the app, a script, git itself).
 */
export async function changedPaths(repo: LibraryRepo): Promise<ChangeList> {
  const out = await gitOrFail(repo, ['status', '--porcelain=v2', '-z', '--untracked-files=all', '--no-renames'], 'list the library’s changes')
  const paths: string[] = []
  let untracked = false
  for (const entry of out.split('\0')) {
    // "1 XY sub mH mI mW hH hI path", "u XY sub m1 m2 m3 mW h1 h2 h3 path", "? path".
    const fieldsBeforePath = entry.startsWith('1 ') ? 8 : entry.startsWith('u ') ? 10 : entry.startsWith('? ') ? 1 : -1
    if (fieldsBeforePath < 0) continue
    untracked ||= !entry.startsWith('1 ')
    let at = 0
    for (let n = 0; n < fieldsBeforePath; n++) at = entry.indexOf(' ', at) + 1
    paths.push(entry.slice(at))
  }
  return { paths, untracked }
}

const messageFor = (author: SyncAuthor, paths: string[]): string => {
  const articles = new Set(paths.flatMap((path) => {
    const kind = pathKind(path)
    return kind.kind === 'article' ? [kind.id] : []
  }))
  const what = articles.size ? `${articles.size} article${articles.size === 1 ? '' : 's'}` : `${paths.length} file${paths.length === 1 ? '' : 's'}`
  return `Changes by ${author.name}: ${what}`
}

/**
 * Commits everything changed in the library since the last commit (the
 * ignore list keeps the caches out). Returns whether there was anything.
 * Saves are atomic renames, so git reads each file whole, old or new.
 * `listed`: what `changedPaths` gave a moment ago, when the caller knows no
 * save landed since (sync lists them while it fetches).
 */
export async function commitLocalChanges(repo: LibraryRepo, author: SyncAuthor, listed?: ChangeList): Promise<boolean> {
  const { paths, untracked } = listed ?? (await changedPaths(repo))
  if (paths.length === 0) return false
  const commit = ['commit', '--quiet', '--no-verify', '-m', messageFor(author, paths)]
  const named = { args: ['--pathspec-from-file=-', '--pathspec-file-nul'], stdin: nulList(paths) }
  const settings = authorSettings(author)
  // Files git already tracks are committed by name, with no staging step; new files (or a hand-made merge's) are staged first.
  let run
  if (paths.length > NAMED_PATHS_MAX) {
    await gitOrFail(repo, ['add', '--all'], 'note the library’s changes')
    run = await repoGit(repo, commit, { settings })
  } else if (untracked) {
    await gitOrFail(repo, ['add', '--all', ...named.args], 'note the library’s changes', { stdin: named.stdin })
    run = await repoGit(repo, commit, { settings })
  } else {
    run = await repoGit(repo, [...commit, ...named.args], { settings, stdin: named.stdin })
  }
  // A file changed back by hand between the look and the commit leaves nothing to commit.
  if (run.code !== 0 && /nothing (added )?to commit/.test(run.stdout)) return false
  if (run.code !== 0) throw new Error(`git could not commit the library’s changes: ${run.stderr.trim()}`)
  return true
}

/** What a file holds for git: its bytes, null when it is gone, or undefined when git would store it some other way (a link, a folder, an executable). */
async function plainFile(file: string): Promise<Buffer | null | undefined> {
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (!info) return null
  return info.isFile() && (info.mode & 0o111) === 0 ? readFile(file) : undefined
}

export interface LocalCommit {
  /** The commit made, or null when nothing differed from `head`. */
  commit: string | null
  /** Paths git's index still holds as they were before: the caller tells git's index about them with the files it writes next. */
  stale: string[]
  /**
   * The fast-import that wrote `commit`, still running, for the merge commit
   * that follows (one process start fewer); the caller ends it (`finish` or
   * `abort`). Absent when no fast-import ran.
   */
  importer?: FastImport
}

/**
 * `commitLocalChanges` for a sync about to merge, in one git process where
 * `git add` and `git commit` take two and each rewrites git's 10,000-entry
 * index: fast-import commits the changed files on top of `head` and moves
 * `branch`, refusing if it moved meanwhile. Git's index is left behind for
 * those paths (the merge updates it once, with the files it writes); until
 * then `git status` lists them, and a path whose file equals `head`'s is not
 * committed again. Files git stores its own way (links, executables,
 * anything but JSON, a library with .gitattributes) go the usual way.
 */
export async function commitBeforeMerge(repo: LibraryRepo, branch: string, head: string | null, author: SyncAuthor, listed?: ChangeList): Promise<LocalCommit> {
  const usual = async (): Promise<LocalCommit> => ({ commit: (await commitLocalChanges(repo, author, listed)) ? await commitOf(repo, 'HEAD') : null, stale: [] })
  if (!head || (await plainFile(join(repo.dir, '.gitattributes'))) !== null) return usual()
  const { paths } = listed ?? (await changedPaths(repo))
  if (paths.some((path) => !path.endsWith('.json'))) return usual()
  const [files, before] = await Promise.all([
    Promise.all(paths.map((path) => plainFile(join(repo.dir, path)))),
    Promise.all(paths.map((path) => repo.objects.read(`${head}:${path}`)))
  ])
  if (files.some((file) => file === undefined)) return usual()
  const changes = new Map<string, { text: Buffer } | null>()
  for (const [n, path] of paths.entries()) {
    const [file, was] = [files[n]!, before[n]]
    const same = file === null ? !was : was?.type === 'blob' && file.equals(was.bytes)
    if (!same) changes.set(path, file && { text: file })
  }
  if (changes.size === 0) return { commit: null, stale: paths }
  const ref = `refs/heads/${branch}`
  const importer = new FastImport(repo)
  try {
    const commit = await importer.commit({ ref, parents: [head], changes, author, message: messageFor(author, [...changes.keys()]) })
    // The branch moves now, as if this fast-import had ended: git's other processes (the merge's) read the commit through it.
    await importer.checkpoint()
    if ((await commitOf(repo, ref)) !== commit) throw new Error('the library’s branch moved while its changes were being committed')
    return { commit, stale: paths, importer }
  } catch (error) {
    await importer.abort()
    throw error
  }
}
