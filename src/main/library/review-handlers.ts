import type { Handlers } from '../ipc/dispatch'
import type { Services } from '../services'
import { importReviewBundle, makeReviewBundle, writeReviewBundle } from './review-bundle'
import { articleChecklist, readChecklistConfig, writeChecklistConfig } from './review-checklist'
import { diffRevisions } from './review-diff'
import { requireProfile } from './review-profile'
import { changeStatus } from './review-status'
import { savedArticle } from './summary'

type ReviewChannel =
  | 'changeStatus' | 'getChecklist' | 'getChecklistConfig' | 'setChecklistConfig' | 'diffRevisions'
  | 'exportReviewBundle' | 'importReviewBundle'

/**
 * The review channels over whichever library is open. What gets signed (a
 * status change, a bundle) is signed with the profile in settings, which the
 * renderer sets through updateSettings, and refused until there is one.
 */
export function reviewHandlers(services: Services): Pick<Handlers, ReviewChannel> {
  const library = () => services.library
  const profile = () => requireProfile(services.settings.get().profile)
  return {
    changeStatus: async (request) => savedArticle(await changeStatus(library(), request, profile())),
    getChecklist: ({ id }) => articleChecklist(library(), id),
    getChecklistConfig: () => readChecklistConfig(library().dir),
    setChecklistConfig: ({ config }) => writeChecklistConfig(library().dir, config),
    diffRevisions: (request) => diffRevisions(library(), request),
    exportReviewBundle: async ({ ids }) => {
      const bundle = await makeReviewBundle(library(), ids, profile())
      const path = await services.chooseReviewBundleFile(bundle.fileName)
      if (!path) return null
      await writeReviewBundle(path, bundle)
      return { path }
    },
    importReviewBundle: async ({ text }, ctx) => {
      const report = await importReviewBundle(library(), text)
      if (report.articles.some((article) => article.outcome !== 'skipped')) ctx.emit('libraryChanged', library().info())
      return report
    }
  }
}
