import { mkdir, writeFile } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { UserError } from '../../shared/ipc/result'
import { git, gitOrFail, rawGit, repoGit } from '../git/safe-git'
import { folders } from '../library/layout'
import { openLibrary, type Library } from '../library/library'
import { commitLocalChanges, type SyncAuthor } from './commit-local'
import { ensureExcludes, findLibraryRepo, REMOTE, type LibraryRepo } from './library-repo'
import { withSyncLock } from './sync-lock'
import { plainReason, remoteAccess } from './remote'
import { gitignoreText } from './repo-layout'

const BRANCH = 'main'

/** A remote as the user typed it: URLs and `host:path` stay, a folder path becomes absolute so the clone works from anywhere. */
export function remoteAddress(remote: string, cwd = process.cwd()): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[^/\\]+@[^/\\]+:/.test(remote) || (/^[^/\\]{2,}:/.test(remote) && !isAbsolute(remote))) return remote
  return resolve(cwd, remote)
}

async function setRemote(repo: LibraryRepo, remote: string): Promise<void> {
  const had = (await git(repo.dir, ['config', '--get', `remote.${REMOTE}.url`])).code === 0
  await gitOrFail(repo.dir, had ? ['remote', 'set-url', REMOTE, remote] : ['remote', 'add', REMOTE, remote], 'set the remote')
}

export interface ShareSteps {
  /** Called once every file is staged, before the commit takes the library's lock (tests stop a share there). */
  onStaged?: () => Promise<void>
}

/**
 * Turns an open library into a git repository of its own (or, if it is one,
 * leaves it be): the ignore list keeps the caches out, and everything else is
 * the first commit. `remote` names where sync shares it.
 */
export async function shareLibrary(library: Library, author: SyncAuthor, remote?: string, steps: ShareSteps = {}): Promise<LibraryRepo> {
  let repo = await findLibraryRepo(library.dir)
  if (!repo) {
    if ((await git(library.dir, ['rev-parse', '--git-dir'])).code === 0)
      throw new UserError('invalid-input', `“${library.dir}” is inside another git repository; a shared library needs a folder of its own.`)
    await gitOrFail(library.dir, ['init', '--quiet', `--initial-branch=${BRANCH}`], 'start a repository in the library')
    repo = (await findLibraryRepo(library.dir))!
  }
  await writeFile(join(library.dir, '.gitignore'), gitignoreText, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
  })
  await ensureExcludes(repo)
  if (remote) await setRemote(repo, remoteAddress(remote))
  const shared = repo
  await withSyncLock(shared, async () => {
    // Staging hashes every file, minutes for 10,000 articles: done without the
    // library's lock, so saves go on. Saves are atomic renames, so git reads
    // each file whole; the commit under the lock stages again, which costs a
    // stat per file and picks up what was saved meanwhile.
    await gitOrFail(shared, ['add', '--all'], 'note the library’s files')
    await steps.onStaged?.()
    await library.applyFileChanges(() => commitLocalChanges(shared, author), () => [])
  })
  return repo
}

/**
 * A bare repository made with `git init --bare` may name a branch nobody
 * pushed (master) while the library lives on main: check out the one that exists.
 */
async function checkOutSharedBranch(repo: LibraryRepo): Promise<void> {
  if ((await git(repo.dir, ['rev-parse', '--verify', '--quiet', 'HEAD'])).code === 0) return
  const branches = (await gitOrFail(repo.dir, ['for-each-ref', '--format=%(refname:lstrip=3)', `refs/remotes/${REMOTE}/`], 'list the shared branches')).split('\n').filter(Boolean)
  const branch = branches.includes(BRANCH) ? BRANCH : branches[0]
  await gitOrFail(repo.dir, ['checkout', '--quiet', '-B', branch ?? BRANCH, ...(branch ? [`${REMOTE}/${branch}`] : [])], 'check out the shared library')
}

/**
 * Clones a shared library from a path, a bare repository or any SSH or HTTPS
 * address into `folder` (which must be missing or empty), and opens it: the
 * caches are never in the repository, so opening rebuilds them from the files.
 */
export async function cloneLibrary(remote: string, folder: string): Promise<Library> {
  const target = resolve(folder)
  const address = remoteAddress(remote)
  const { settings, env } = await remoteAccess()
  await mkdir(target, { recursive: true })
  const run = await rawGit(target, ['clone', '--quiet', '--no-recurse-submodules', '--origin', REMOTE, '--', address, '.'], {
    settings: [...settings, ['init.defaultBranch', BRANCH]],
    env,
    timeoutMs: 10 * 60_000
  })
  if (run.code !== 0) {
    const reason = /already exists and is not an empty directory/.test(run.stderr) ? `the folder “${target}” is not empty` : plainReason(run, address)
    throw new UserError('invalid-input', `Could not clone the library: ${reason}.`)
  }
  const repo = (await findLibraryRepo(target))!
  await checkOutSharedBranch(repo)
  // git keeps no empty folders; a library has all of its own.
  for (const name of folders) await mkdir(join(target, name), { recursive: true })
  await ensureExcludes(repo)
  // Checkout writes thousands of files in the second it writes git's index, so git marks them racily clean and
  // rereads each one at every status until an index is written later: the library's first sync paid ~150 ms CPU
  // for 10,000 articles. Refreshed here, once, as part of the clone. -q: a file that differs is not an error.
  await repoGit(repo, ['update-index', '-q', '--refresh'])
  return openLibrary(target, 'create', { freshCopy: true })
}

