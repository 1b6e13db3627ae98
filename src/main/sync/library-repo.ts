import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { filterOverrides, git, gitOrFail, repoGit, type GitOptions, type GitRepo, type GitRun, type GitSetting } from '../git/safe-git'
import { ignoredPatterns } from './repo-layout'

/** A library folder that is the top of its own git repository. */
export interface LibraryRepo extends GitRepo {
  gitDir: string
  /** Where sync keeps its state and its resume marker, inside .git so it is never committed. */
  stateDir: string
}

export const REMOTE = 'origin'
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

/** The repository of `dir` when the library is the top of one; null when it is not shared through git. */
export async function findLibraryRepo(dir: string): Promise<LibraryRepo | null> {
  const run = await git(dir, ['rev-parse', '--show-toplevel', '--absolute-git-dir']).catch(() => null)
  if (!run || run.code !== 0) return null
  const [top, gitDir] = run.stdout.trim().split('\n')
  if (!top || !gitDir || (await realpath(top)) !== (await realpath(dir))) return null
  return { dir, gitDir, stateDir: join(gitDir, 'copydesk-sync'), filters: await filterOverrides(dir) }
}

/**
 * The ignore list also goes into .git/info/exclude: the committed .gitignore
 * is anyone's to edit, and a cache committed by one clone would fight every other.
 */
export async function ensureExcludes(repo: LibraryRepo): Promise<void> {
  const file = join(repo.gitDir, 'info', 'exclude')
  const current = await readFile(file, 'utf8').catch(() => '')
  const missing = ignoredPatterns.filter((pattern) => !current.split('\n').includes(pattern))
  if (missing.length === 0) return
  await mkdir(join(repo.gitDir, 'info'), { recursive: true })
  await writeFile(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`)
}

/** The branch HEAD names (it may have no commit yet). */
export async function currentBranch(repo: LibraryRepo): Promise<string> {
  return (await gitOrFail(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD'], 'tell which branch the library is on')).trim()
}

/** The commit `rev` names, or null when there is none (an unborn branch, a remote branch not fetched yet). */
export async function commitOf(repo: LibraryRepo, rev: string): Promise<string | null> {
  const run = await repoGit(repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])
  return run.code === 0 ? run.stdout.trim() : null
}

/** The commits of the branch and of the remote's copy of it as last fetched, in one git call; null where there is none. */
export async function branchTips(repo: LibraryRepo, branch: string): Promise<{ head: string | null; theirs: string | null }> {
  const [local, remote] = [`refs/heads/${branch}`, `refs/remotes/${REMOTE}/${branch}`]
  const out = await gitOrFail(repo, ['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', local, remote], 'read the branches')
  const tips = new Map<string, string>()
  for (const line of out.split('\n')) {
    const [sha, type, ref] = line.split(' ')
    if (sha && ref && type === 'commit') tips.set(ref, sha)
  }
  return { head: tips.get(local) ?? null, theirs: tips.get(remote) ?? null }
}

/** The best common ancestor of two commits, or null when their histories are unrelated. */
export async function mergeBase(repo: LibraryRepo, a: string, b: string): Promise<string | null> {
  const run = await repoGit(repo, ['merge-base', a, b])
  return run.code === 0 ? run.stdout.trim() : null
}

export interface TreeChange {
  path: string
  /** The new mode and blob, or null when the path was removed. */
  to: { mode: string; sha: string } | null
}

/** Every file that differs between two commits or trees, without rename detection: an article is its path. */
export async function treeChanges(repo: LibraryRepo, from: string, to: string): Promise<TreeChange[]> {
  const out = await gitOrFail(repo, ['diff-tree', '-r', '-z', '--no-renames', from, to], 'compare two versions of the library')
  const fields = out.split('\0')
  const changes: TreeChange[] = []
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, newMode, , newSha, status] = fields[i]!.split(' ')
    changes.push({ path: fields[i + 1]!, to: status === 'D' ? null : { mode: newMode!, sha: newSha! } })
  }
  return changes
}

/** Reads many blobs in one git call; `specs` are `<rev>:<path>` or blob ids, and a missing one maps to null. */
export async function readBlobs(repo: LibraryRepo, specs: string[]): Promise<Map<string, Buffer | null>> {
  const found = new Map<string, Buffer | null>()
  if (specs.length === 0) return found
  const run = await repoGit(repo, ['cat-file', '--batch'], { stdin: specs.map((spec) => `${spec}\n`).join('') })
  if (run.code !== 0) throw new Error(`git could not read the library's history: ${run.stderr.trim()}`)
  let at = 0
  for (const spec of specs) {
    const end = run.bytes.indexOf(10, at)
    const header = run.bytes.subarray(at, end).toString('utf8')
    at = end + 1
    const size = /^[0-9a-f]{40,64} \w+ (\d+)$/.exec(header)?.[1]
    if (size === undefined) {
      found.set(spec, null)
      continue
    }
    found.set(spec, run.bytes.subarray(at, at + Number(size)))
    at += Number(size) + 1
  }
  return found
}

export const ok = (run: GitRun): boolean => run.code === 0
export type { GitOptions, GitSetting }
