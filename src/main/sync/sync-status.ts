import { repoGit } from '../git/safe-git'
import { commitOf, REMOTE, type LibraryRepo } from './library-repo'
import type { SyncStatus } from '../../shared/sync-api'
import type { SyncState } from './sync-state'

/** The status's shape is shared with the renderer, which shows it in the status bar. */
export type { SyncStatus } from '../../shared/sync-api'

export const notShared = (dir: string): SyncStatus => ({
  state: 'not-shared',
  ahead: 0,
  behind: 0,
  lastSyncAt: null,
  lastError: `the library “${dir}” is not shared yet: run “copydesk sync init” in it, or clone one with “copydesk sync clone”`,
  conflicts: [],
  notices: []
})

/** Ahead and behind the remote's branch as last fetched; a branch the remote lacks counts every local commit as ahead. */
export async function aheadBehind(repo: LibraryRepo, branch: string): Promise<{ ahead: number; behind: number }> {
  const remote = `refs/remotes/${REMOTE}/${branch}`
  const hasRemote = (await commitOf(repo, remote)) !== null
  const range = hasRemote ? ['--left-right', '--count', `HEAD...${remote}`] : ['--count', 'HEAD']
  const run = await repoGit(repo, ['rev-list', ...range])
  if (run.code !== 0) return { ahead: 0, behind: 0 }
  const [ahead = 0, behind = 0] = run.stdout.trim().split(/\s+/).map(Number)
  return { ahead, behind }
}

export function statusOf(state: SyncState, counts: { ahead: number; behind: number }, notices: string[]): SyncStatus {
  return { state: state.lastError ? 'not-synced' : 'synced', ...counts, lastSyncAt: state.lastSyncAt, lastError: state.lastError, conflicts: state.conflicts, notices }
}

/** The status in a few plain lines, as the CLI prints it. */
export function describeStatus(status: SyncStatus): string {
  const lines = [status.state === 'synced' ? 'Synced.' : status.state === 'not-shared' ? `Not shared: ${status.lastError}.` : `Not synced: ${status.lastError}.`]
  if (status.state !== 'not-shared') {
    lines.push(`${status.ahead} change${status.ahead === 1 ? '' : 's'} to share, ${status.behind} to receive.`)
    lines.push(`Last sync: ${status.lastSyncAt ?? 'never'}.`)
  }
  for (const conflict of status.conflicts) lines.push(`Conflict in “${conflict.title || 'Untitled'}”: ${conflict.summary}; the other version is kept as revision ${conflict.revisionId}.`)
  for (const notice of status.notices) lines.push(notice)
  return `${lines.join('\n')}\n`
}
