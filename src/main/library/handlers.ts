import { isDeepStrictEqual } from 'node:util'
import type { Handlers } from '../ipc/dispatch'
import { Jobs } from '../jobs'
import { bodyFingerprint } from './body-fingerprint'
import { sourceFolderOf } from './import-source'
import type { Services } from '../services'
import { readChecklistConfig } from './review-checklist'
import { savedArticle } from './summary'
import { switchLibrary } from './switch-library'

type LibraryChannel =
  | 'getLibraryInfo' | 'openLibrary' | 'listArticles' | 'getArticle' | 'openArticle' | 'createArticle' | 'saveArticle' | 'duplicateArticle'
  | 'trashArticle' | 'listTrash' | 'restoreArticle' | 'emptyTrash' | 'listRevisions' | 'getRevision' | 'takeSnapshot'
  | 'restoreRevision' | 'listPromos' | 'savePromo' | 'deletePromo' | 'importFiles' | 'cancelImport' | 'addMedia'

/** The library channels, each handed to whichever library is open at the time of the call. */
export function libraryHandlers(services: Services): Pick<Handlers, LibraryChannel> {
  const library = () => services.library
  const imports = new Jobs('import')
  return {
    getLibraryInfo: () => library().info(),
    openLibrary: async ({ folder }, ctx) => {
      const dir = folder ? services.folders.resolve('library', folder) : await services.chooseFolder()
      if (!dir) return null
      const info = await switchLibrary(services, dir)
      ctx.emit('libraryChanged', info)
      return info
    },
    listArticles: (query) => library().listArticles(query),
    getArticle: ({ id }) => library().getArticle(id),
    openArticle: async ({ id }) => {
      const article = await library().getArticle(id)
      return { article, bodyFingerprint: bodyFingerprint(article.body) }
    },
    createArticle: ({ title }) => library().createArticle(title === undefined ? {} : { title }),
    saveArticle: async ({ id, changes, bodyPatch, bodyMerge, bodyKnown }) => {
      const lib = library()
      // A damaged settings file must not stop a save: the checklist reports it where it is used.
      const reopenApproved = () => readChecklistConfig(lib.dir).then((config) => config.editsAfterApproval.backToReview, () => false)
      const article = await lib.saveArticle(id, changes, { by: services.settings.get().profile, reopenApproved, bodyPatch, bodyMerge })
      const { article: stored, summary } = savedArticle(article)
      const { body, ...rest } = stored
      const fingerprint = bodyFingerprint(body)
      // The body the editor holds after this save: the one it sent (a splice applies as sent), or the one it named.
      const sent = bodyMerge?.ours ?? changes.body
      const held = bodyPatch ? true : sent ? isDeepStrictEqual(body, sent) : bodyKnown === fingerprint
      return { article: rest, summary, bodyFingerprint: fingerprint, body: held ? null : body }
    },
    duplicateArticle: ({ id }) => library().duplicateArticle(id),
    trashArticle: ({ id }) => library().trashArticle(id),
    listTrash: () => library().listTrash(),
    restoreArticle: ({ id }) => library().restoreArticle(id),
    emptyTrash: async (_request, ctx) => {
      const result = await library().emptyTrash()
      ctx.emit('libraryChanged', library().info())
      return result
    },
    listRevisions: ({ id }) => library().listRevisions(id),
    getRevision: ({ id, revisionId }) => library().getRevision(id, revisionId),
    takeSnapshot: ({ id, name }) => library().takeSnapshot(id, name),
    restoreRevision: async ({ id, revisionId }) => savedArticle(await library().restoreRevision(id, revisionId)),
    listPromos: () => library().listPromos(),
    savePromo: async ({ id, promo }, ctx) => {
      const saved = await library().savePromo(promo, id)
      ctx.emit('promosChanged', { id: saved.id })
      return saved
    },
    deletePromo: async ({ id }, ctx) => {
      await library().deletePromo(id)
      ctx.emit('promosChanged', { id })
    },
    importFiles: async ({ jobId, files }, ctx) => {
      const read = await Promise.all(
        files.map(async ({ name, content, path }) => {
          const dir = await sourceFolderOf(path, content)
          return { name, content, ...(dir === undefined ? {} : { dir }) }
        })
      )
      const run = (signal?: AbortSignal) =>
        library().importFiles(read, {
          ...(signal ? { signal } : {}),
          ...(jobId ? { onProgress: (progress) => ctx.emit('importProgress', { jobId, ...progress }) } : {})
        })
      const report = jobId ? await imports.run(jobId, run) : await run()
      if (report.imported.length) ctx.emit('libraryChanged', library().info())
      return report
    },
    cancelImport: ({ jobId }) => imports.cancel(jobId),
    addMedia: ({ name, bytes }) => library().addMedia(name, bytes)
  }
}
