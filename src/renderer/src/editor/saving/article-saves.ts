import type { BodyDoc } from '../../../../shared/article/body'
import { blockSplice } from '../../../../shared/article/body-patch'
import type { ArticleChanges, SavedEdit } from '../../../../shared/library-api'
import { ApiError, call } from '../../lib/api'

/**
 * The body an editor's edits start from, and the library's fingerprint of it;
 * a null fingerprint when the library holds another body since (a sync
 * merged a teammate's edit) and the editor has not taken it in yet.
 */
export interface BodyBasis {
  body: BodyDoc
  fingerprint: string | null
}

/**
 * Sends one save of article `id`. A body goes as the blocks changed since
 * `basis`, so an autosave in a long article carries a paragraph, not the
 * article. When the library's body is no longer the basis, it goes with the
 * basis, and the library merges it with its own three ways: two people's
 * edits both land, neither replaces the other. A save without the body names
 * the basis, so the answer leaves the body out unless it moved.
 */
export async function sendSave(id: string, changes: ArticleChanges, basis: BodyBasis): Promise<SavedEdit> {
  const { body, ...rest } = changes
  if (!body) return call('saveArticle', { id, changes, ...(basis.fingerprint ? { bodyKnown: basis.fingerprint } : {}) })
  const merge = (): Promise<SavedEdit> => call('saveArticle', { id, changes: rest, bodyMerge: { base: basis.body, ours: body } })
  if (basis.fingerprint === null) return merge()
  try {
    return await call('saveArticle', { id, changes: rest, bodyPatch: { base: basis.fingerprint, ...blockSplice(basis.body, body) } })
  } catch (error) {
    if (error instanceof ApiError && error.code === 'conflict') return merge()
    throw error
  }
}
