import type { Library } from '../library/library'
import type { SyncStatus } from '../../shared/sync-api'
import { findLibraryRepo } from './library-repo'
import { withSyncLock } from './sync-lock'
import { updateSyncState, type OpenConflict } from './sync-state'

/**
 * The status's conflicts that are still open: a conflict settled here or on
 * another clone (its article synced back without the flag, or deleted) is
 * no longer listed, so the status bar counts only what someone must settle.
 */
export async function withOpenConflicts(library: Library, status: SyncStatus): Promise<SyncStatus> {
  if (status.conflicts.length === 0) return status
  const open = await Promise.all(
    status.conflicts.map(async (conflict) => {
      const article = await library.getArticle(conflict.articleId).catch(() => null)
      return article?.syncConflict?.revisionId === conflict.revisionId ? { ...conflict, title: article.title } : null
    })
  )
  return { ...status, conflicts: open.filter((conflict) => conflict !== null) }
}

/**
 * Drops a settled conflict from this clone's sync state (kept in .git, never
 * committed). Only the conflict the user settled: a sync that ran meanwhile
 * may have flagged the article again, and that newer one stays open. Waits
 * for a running sync, whose own writes to the state would otherwise undo this one.
 */
export async function forgetConflict(library: Library, articleId: string, revisionId: string | undefined): Promise<void> {
  const repo = await findLibraryRepo(library.dir)
  if (!repo || !revisionId) return
  const settled = (conflict: OpenConflict): boolean => conflict.articleId === articleId && conflict.revisionId === revisionId
  await withSyncLock(repo, () => updateSyncState(repo, (state) => ({ ...state, conflicts: state.conflicts.filter((conflict) => !settled(conflict)) })))
}
