import { rm, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, relative, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { firstLine, repoGit, type GitRun, type GitSetting } from '../git/safe-git'
import { userRemoteEnv, userRemoteSettings } from '../git/user-config'
import { REMOTE, type LibraryRepo } from './library-repo'

/** A remote that does not answer within this time is reported as unreachable, never waited on for ever. */
export const REMOTE_TIMEOUT_MS = 120_000

/**
 * Settings for commands that reach the remote. Of the user's own config only
 * what reaching a remote needs is kept (user-config.ts): their credential
 * helpers and ssh command. The repository's credential helpers are dropped
 * first (an empty value resets the list), and without a user's ssh command
 * the repository's is replaced by plain `ssh`, so a library folder cannot
 * name a program to run; ssh itself still reads the user's keys and agent.
 */
export async function remoteAccess(): Promise<{ settings: GitSetting[]; env: NodeJS.ProcessEnv }> {
  const user = await userRemoteSettings(homedir())
  const env = userRemoteEnv()
  const sshCommand = user.some(([key]) => key.toLowerCase() === 'core.sshcommand') || env['GIT_SSH_COMMAND'] || env['GIT_SSH'] ? [] : [['core.sshCommand', 'ssh'] as GitSetting]
  return { settings: [['credential.helper', ''], ...user, ...sshCommand, ['protocol.ext.allow', 'never']], env }
}

/** Read once a minute at most: a sync fetches and pushes, each would otherwise read the user's config again. */
let remembered: { at: number; access: Promise<{ settings: GitSetting[]; env: NodeJS.ProcessEnv }> } | null = null
const recentRemoteAccess = (): Promise<{ settings: GitSetting[]; env: NodeJS.ProcessEnv }> => {
  if (!remembered || Date.now() - remembered.at > 60_000) remembered = { at: Date.now(), access: remoteAccess() }
  return remembered.access
}

/** Starts reading the user's remote settings now, so a sync's fetch need not wait for them. */
export const readyRemoteAccess = (): void => void recentRemoteAccess()

export async function remoteGit(repo: LibraryRepo, args: string[], onStarted?: () => void): Promise<GitRun> {
  return repoGit(repo, args, { ...(await recentRemoteAccess()), timeoutMs: REMOTE_TIMEOUT_MS, onStarted })
}

/** The lock file git names when another process holds it, or a crash left it. */
const LOCK_NAMED = /Unable to create '([^']+\.lock)': File exists/

/** Why git could not reach `url`, in words a writer can act on. */
export function plainReason(run: GitRun, url: string): string {
  const text = `${run.stderr}\n${run.stdout}`
  if (run.timedOut) return `the remote “${url}” did not answer within ${REMOTE_TIMEOUT_MS / 1000} seconds`
  if (/Could not resolve host|Name or service not known|Temporary failure in name resolution/i.test(text)) return `the remote's server for “${url}” could not be found (are you offline?)`
  if (/Connection refused|Connection timed out|Network is unreachable|No route to host|Could not connect|Failed to connect/i.test(text)) return `the remote “${url}” could not be reached (are you offline?)`
  if (/Authentication failed|Permission denied|could not read Username|terminal prompts disabled|403|401/i.test(text)) return `the remote “${url}” refused access: check your password, token or SSH key`
  if (/does not appear to be a git repository|not found|No such file or directory|does not exist/i.test(text)) return `there is no library repository at “${url}”`
  if (/cannot lock ref/i.test(text)) {
    const lock = LOCK_NAMED.exec(text)?.[1]
    return `the remote “${url}” stayed busy with another sync moving its branch: try again in a moment${lock ? ` (if it stays busy, a push that crashed there may have left “${lock}”, which can be deleted)` : ''}`
  }
  return `git could not reach “${url}”: ${firstLine(run.stderr || run.stdout)}`
}

/** Whether a push failed only because the remote moved since the last fetch. */
export const remoteMoved = (run: GitRun): boolean => /\[rejected\]|fetch first|non-fast-forward|stale info/i.test(run.stderr)

/**
 * How long to wait before running git again when another git process was moving a branch's ref at that moment:
 * a push a crash orphaned, still finishing as the next sync starts, moves the remote's branch and ours that follows it.
 */
const REF_BUSY_WAITS_MS = [200, 400, 800, 1600]
const refBusy = (run: GitRun): boolean => /cannot lock ref/i.test(run.stderr)
/** Runs `args` against the remote, and again after a wait while git says a ref it would move is being moved. */
async function remoteGitWhenRefsFree(repo: LibraryRepo, args: string[], onStarted?: () => void): Promise<GitRun> {
  let run = await remoteGit(repo, args, onStarted)
  for (const wait of REF_BUSY_WAITS_MS) {
    if (run.code === 0 || !refBusy(run)) break
    await sleep(wait)
    run = await remoteGit(repo, args)
  }
  return run
}

/** Fetches every branch of the remote; returns null, or the plain reason it could not. `onStarted`: called once git fetch has started. */
export async function fetchRemote(repo: LibraryRepo, url: string, onStarted?: () => void): Promise<string | null> {
  const run = await remoteGitWhenRefsFree(repo, ['fetch', '--quiet', '--no-tags', '--prune', '--no-recurse-submodules', REMOTE, `+refs/heads/*:refs/remotes/${REMOTE}/*`], onStarted)
  return run.code === 0 ? null : plainReason(run, url)
}

export type PushOutcome = { pushed: true } | { pushed: false; moved: boolean; reason: string }

/** The folder of a remote on this machine or a shared drive (a path or a file: URL); null for one reached over a network. */
function localRemoteDir(url: string): string | null {
  if (!url.startsWith('file:')) return isAbsolute(url) ? url : null
  try {
    return fileURLToPath(url)
  } catch {
    // A file: URL naming another host: reached over the network.
    return null
  }
}

/** Older than every wait for a busy ref above together: no live update holds a ref's lock that long. */
const LEFT_LOCK_AGE_MS = REF_BUSY_WAITS_MS.reduce((sum, wait) => sum + wait, 0)

/**
 * Removes the branch lock a push refused with, when it is a leftover: a sync killed while its push moved the
 * remote's branch takes git's receive-pack with it, and in a remote on this machine or a shared drive the lock
 * it held stays, refusing every teammate's push. Only the file git named, only under that repository's refs, and
 * only once it has stood through the waits above.
 */
async function clearLeftRemoteLock(run: GitRun, url: string): Promise<boolean> {
  const dir = localRemoteDir(url)
  const named = LOCK_NAMED.exec(run.stderr)?.[1]
  if (!dir || !named) return false
  const lock = resolve(dir, named)
  const inRepo = relative(dir, lock)
  if (isAbsolute(inRepo) || !/^(?:\.git[\\/])?refs[\\/]/.test(inRepo)) return false
  const stats = await stat(lock).catch(() => null)
  if (!stats?.isFile() || Date.now() - stats.mtimeMs < LEFT_LOCK_AGE_MS) return false
  await rm(lock, { force: true })
  return true
}

export async function pushBranch(repo: LibraryRepo, url: string, branch: string): Promise<PushOutcome> {
  const args = ['push', '--quiet', '--no-verify', '--no-recurse-submodules', REMOTE, `HEAD:refs/heads/${branch}`]
  let run = await remoteGitWhenRefsFree(repo, args)
  if (run.code !== 0 && refBusy(run) && (await clearLeftRemoteLock(run, url))) run = await remoteGit(repo, args)
  if (run.code === 0) return { pushed: true }
  return { pushed: false, moved: remoteMoved(run), reason: remoteMoved(run) ? 'the remote kept changing while this library synced; try again in a moment' : plainReason(run, url) }
}
