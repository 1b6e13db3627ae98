import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ObjectReader } from '../git/object-reader'
import { diffTrees, type PathChange as TreeChange } from '../git/tree-diff'
import { emptiedFilters, filterDriver, gitOrFail, rawGit, repoGit, type GitRepo, type GitSetting } from '../git/safe-git'
import { ignoredPatterns } from './repo-layout'

export const REMOTE = 'origin'
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

/** A library folder that is the top of its own git repository, as found when a sync or a share began. */
export interface LibraryRepo extends GitRepo {
  gitDir: string
  /** Where sync keeps its state and its resume marker, inside .git so it is never committed. */
  stateDir: string
  /** The branch HEAD named, or null when it has no commit yet or is detached (`currentBranch` asks git then). */
  branch: string | null
  /** The remote's address as configured, or null when the library has none. */
  remoteUrl: string | null
  /** Reads objects through one git process for the whole sync; `closeRepo` ends it. */
  objects: ObjectReader
}

/** The repository's own config, in one git call: its filter drivers (to be emptied) and the remote's address. */
async function repoConfig(dir: string): Promise<{ filters: GitSetting[]; remoteUrl: string | null }> {
  const run = await rawGit(dir, ['config', '--includes', '-z', '--get-regexp', String.raw`^(filter\..+\.[^.]+|remote\.${REMOTE}\.url)$`]).catch(() => null)
  const drivers: string[] = []
  let remoteUrl: string | null = null
  for (const entry of run?.code === 0 ? run.stdout.split('\0') : []) {
    // Each entry is the key, a newline, then the value.
    const [key = '', ...value] = entry.split('\n')
    const driver = filterDriver(key)
    if (driver) drivers.push(driver)
    else if (key === `remote.${REMOTE}.url` && value.join('\n').trim()) remoteUrl = value.join('\n').trim()
  }
  return { filters: emptiedFilters(drivers), remoteUrl }
}

/** Where the repository of `dir` is and which branch it is on; with no commit yet, rev-parse refuses HEAD, so it is asked without. */
async function repoPlace(dir: string): Promise<{ top: string; gitDir: string; branch: string | null } | null> {
  const where = ['rev-parse', '--show-toplevel', '--absolute-git-dir']
  let run = await rawGit(dir, [...where, '--symbolic-full-name', 'HEAD']).catch(() => null)
  if (run && run.code !== 0) run = await rawGit(dir, where).catch(() => null)
  if (!run || run.code !== 0) return null
  const [top, gitDir, head] = run.stdout.split('\n')
  if (!top || !gitDir) return null
  return { top, gitDir, branch: head?.startsWith('refs/heads/') ? head.slice('refs/heads/'.length) : null }
}

type FoundRepo = Omit<LibraryRepo, 'objects'>

/**
 * What `git rev-parse` and `git config` said of a library, with the bytes of
 * the two files their answers come from (.git/HEAD and .git/config): a sync
 * on a timer would otherwise start both processes again every time, and a
 * process start blocks this process's main thread for 25–100 ms when it holds
 * a big library (fork copies its page tables). A config that reads other
 * files (`include`, per-worktree config) is never remembered.
 */
const found = new Map<string, { repo: FoundRepo; files: string }>()

async function gitFiles(gitDir: string): Promise<string | null> {
  const read = (name: string): Promise<string | null> => readFile(join(gitDir, name), 'utf8').catch(() => null)
  const [head, config] = await Promise.all([read('HEAD'), read('config')])
  if (head === null || config === null || /include|worktreeconfig/i.test(config)) return null
  return `${head}\0${config}`
}

/** The repository of `dir` when the library is the top of one; null when it is not shared through git. */
export async function findLibraryRepo(dir: string): Promise<LibraryRepo | null> {
  const known = found.get(dir)
  if (known && (await gitFiles(known.repo.gitDir)) === known.files) return { ...known.repo, objects: new ObjectReader(dir, known.repo.filters) }
  found.delete(dir)
  // Read before git answers, so a change made meanwhile is seen at the next sync rather than hidden.
  const files = await gitFiles(join(dir, '.git'))
  // Independent questions, asked at once.
  const [place, config] = await Promise.all([repoPlace(dir), repoConfig(dir)])
  const top = place && (await realpath(dir))
  if (!place || (await realpath(place.top)) !== top) return null
  const repo: FoundRepo = { dir, gitDir: place.gitDir, stateDir: join(place.gitDir, 'copydesk-sync'), branch: place.branch, ...config }
  // Only the usual layout (.git a folder in the library) and a branch with a commit are remembered.
  if (files !== null && place.branch !== null && place.gitDir === join(top, '.git')) found.set(dir, { repo, files })
  return { ...repo, objects: new ObjectReader(dir, config.filters) }
}

/** Ends the repository's object reader, if a read started one. */
export const closeRepo = (repo: LibraryRepo): Promise<void> => repo.objects.close()

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
  return repo.branch ?? (await gitOrFail(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD'], 'tell which branch the library is on')).trim()
}

/** The commit `rev` names, or null when there is none (an unborn branch, a remote branch not fetched yet). */
export async function commitOf(repo: LibraryRepo, rev: string): Promise<string | null> {
  return (await repo.objects.read(`${rev}^{commit}`))?.sha ?? null
}

/** The commits of the branch and of the remote's copy of it as last fetched; null where there is none. */
export async function branchTips(repo: LibraryRepo, branch: string): Promise<{ head: string | null; theirs: string | null }> {
  const [head, theirs] = await Promise.all([commitOf(repo, `refs/heads/${branch}`), commitOf(repo, `refs/remotes/${REMOTE}/${branch}`)])
  return { head, theirs }
}

/** How many commits of one side's history are looked through for the other before `git merge-base` is asked. */
const ANCESTRY_LOOK = 64

/** The parents a commit object names, in order. */
function parentsOf(commit: Buffer): string[] {
  const header = commit.subarray(0, Math.max(0, commit.indexOf('\n\n'))).toString('utf8')
  return [...header.matchAll(/^parent ([0-9a-f]{40,64})$/gm)].map((found) => found[1]!)
}

/**
 * Whether `ancestor` is among the last `ANCESTRY_LOOK` commits of `of`'s
 * history (itself included), read through the object reader; false when it
 * is not found there, which proves nothing.
 */
async function recentAncestor(repo: LibraryRepo, ancestor: string, of: string): Promise<boolean> {
  const seen = new Set<string>()
  for (let next = [of]; next.length && seen.size < ANCESTRY_LOOK; ) {
    if (next.includes(ancestor)) return true
    const fresh = next.filter((sha) => !seen.has(sha)).slice(0, ANCESTRY_LOOK - seen.size)
    for (const sha of fresh) seen.add(sha)
    const commits = await Promise.all(fresh.map((sha) => repo.objects.read(sha)))
    next = commits.flatMap((commit) => (commit?.type === 'commit' ? parentsOf(commit.bytes) : []))
  }
  return false
}

/**
 * The best common ancestor of two commits, or null when their histories are
 * unrelated. When one is a recent ancestor of the other (the usual sync: the
 * remote built on what this library last pushed, or the other way round),
 * that one is the answer, found without starting `git merge-base`.
 */
export async function mergeBase(repo: LibraryRepo, a: string, b: string): Promise<string | null> {
  const [aFirst, bFirst] = await Promise.all([recentAncestor(repo, a, b), recentAncestor(repo, b, a)])
  if (aFirst) return a
  if (bFirst) return b
  const run = await repoGit(repo, ['merge-base', a, b])
  return run.code === 0 ? run.stdout.trim() : null
}

export type { PathChange as TreeChange } from '../git/tree-diff'

/**
 * Every file that differs between each pair of commits (`from` may be the
 * empty tree), without rename detection: an article is its path. Read
 * through the repository's object reader, where `git diff-tree` would be one
 * more process to start.
 */
export async function treeChanges(repo: LibraryRepo, pairs: { from: string; to: string }[]): Promise<TreeChange[][]> {
  const read = (name: string) => repo.objects.read(name)
  return Promise.all(pairs.map(({ from, to }) => diffTrees(read, from === EMPTY_TREE ? null : from, to)))
}

/** Reads many blobs through the repository's object reader; `specs` are `<rev>:<path>` or blob ids, and a missing one maps to null. */
export async function readBlobs(repo: LibraryRepo, specs: string[]): Promise<Map<string, Buffer | null>> {
  const read = await Promise.all(specs.map((spec) => repo.objects.read(spec)))
  return new Map(specs.map((spec, n) => [spec, read[n]?.type === 'blob' ? read[n]!.bytes : null]))
}
