import { join } from 'node:path'
import { withLibraryLock } from '../library/lock'
import type { LibraryRepo } from './library-repo'

/**
 * One sync of a library at a time, across processes, and nothing else that
 * changes its sync state while one runs: a sync reads and writes that state
 * at several steps, so a change made between them would be lost or undone.
 * Sharing takes it too: syncs and shares both stage into git's index, which
 * takes one writer at a time.
 */
export const withSyncLock = <T>(repo: LibraryRepo, fn: () => Promise<T>): Promise<T> => withLibraryLock(repo.gitDir, join(repo.gitDir, 'copydesk-sync.lock'), fn)
