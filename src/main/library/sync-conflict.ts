import type { Article } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import type { ResolveSyncConflictRequest } from '../../shared/sync-api'
import type { Library } from './library'

/**
 * Settles the conflict a sync flagged on an article: saves the body (and
 * the metadata) the user chose from both versions and clears `syncConflict`, in one write with a
 * revision of what it replaces. The flag is outside the editable fields, so a
 * save can neither set nor clear it; this is the only way to clear it, and
 * only for the conflict the user looked at. The sync merge keeps a flag
 * cleared on one side and untouched on the other cleared.
 */
export function resolveSyncConflict(library: Library, { id, revisionId, body, fields }: ResolveSyncConflictRequest): Promise<Article> {
  return library.reviseArticle(id, (stored) => {
    const named = `“${stored.title || 'Untitled'}”`
    if (!stored.syncConflict) throw new UserError('conflict', `${named} has no open sync conflict (it may have been settled on another machine); nothing was changed.`)
    if (stored.syncConflict.revisionId !== revisionId)
      throw new UserError('conflict', `A later sync flagged ${named} again; open the comparison again to see the newer version. Nothing was changed.`)
    const { syncConflict: _cleared, ...settled } = stored
    return { ...settled, ...fields, body }
  })
}
