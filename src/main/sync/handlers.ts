import type { HandlerContext, Handlers } from '../ipc/dispatch'
import { reasonOf } from '../library/article-files'
import { savedArticle } from '../library/summary'
import { resolveSyncConflict } from '../library/sync-conflict'
import type { Services } from '../services'
import type { SyncStatus } from '../../shared/sync-api'
import { syncMerges } from './merges'
import { forgetConflict, withOpenConflicts } from './open-conflicts'
import { shareLibrary } from './share-library'
import { syncLibrary, syncStatus } from './sync'
import { syncAuthor } from './sync-author'

type SyncChannel = 'getSyncStatus' | 'syncNow' | 'shareLibrary' | 'resolveSyncConflict'

/**
 * The sync channels over whichever library is open. A sync never fails as a
 * call: what goes wrong (an unreachable remote, another sync running, git
 * missing) comes back as a status saying why in plain words, and local work
 * is committed either way. Sync holds the library's lock only for its short
 * writes (applyFileChanges), so saves go on while it fetches and pushes.
 */
export function syncHandlers(services: Services): Pick<Handlers, SyncChannel> {
  const library = () => services.library
  const author = () => syncAuthor(services.settings.get().profile?.name ?? null, library().dir)
  const answered = async (run: () => Promise<SyncStatus>): Promise<SyncStatus> => {
    try {
      return await withOpenConflicts(library(), await run())
    } catch (error) {
      return { state: 'not-synced', ahead: 0, behind: 0, lastSyncAt: null, lastError: reasonOf(error), conflicts: [], notices: [] }
    }
  }
  // What a sync did that the user should know (a slug renamed, a deletion overruled) joins the library's notices in the sidebar.
  const syncNow = async (ctx: HandlerContext): Promise<SyncStatus> => {
    const status = await answered(async () => syncLibrary(library(), { ...syncMerges, author: await author() }))
    if (status.notices.length === 0) return status
    for (const notice of status.notices) library().notify(notice)
    ctx.emit('libraryChanged', library().info())
    return status
  }
  return {
    getSyncStatus: () => answered(() => syncStatus(library())),
    syncNow: (_request, ctx) => syncNow(ctx),
    shareLibrary: async ({ remote }, ctx) => {
      // Refusals here (a folder inside another repository) are the user's to read in the share dialog.
      await shareLibrary(library(), await author(), remote || undefined)
      return remote ? syncNow(ctx) : answered(() => syncStatus(library()))
    },
    resolveSyncConflict: async (request) => {
      const article = await resolveSyncConflict(library(), request)
      // Should this fail (a sync running for long), the status still hides the conflict: its article's flag is gone.
      await forgetConflict(library(), article.id, request.revisionId).catch(() => undefined)
      return savedArticle(article)
    }
  }
}
