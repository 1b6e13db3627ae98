import type { Library } from '../library/library'
import type { SyncStatus } from '../../shared/sync-api'
import { findLibraryRepo } from './library-repo'
import { updateSyncState } from './sync-state'

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

/** Drops an article's settled conflicts from this clone's sync state (kept in .git, never committed). */
export async function forgetConflicts(library: Library, articleId: string): Promise<void> {
  const repo = await findLibraryRepo(library.dir)
  if (!repo) return
  await updateSyncState(repo, (state) => ({ ...state, conflicts: state.conflicts.filter((conflict) => conflict.articleId !== articleId) }))
}
