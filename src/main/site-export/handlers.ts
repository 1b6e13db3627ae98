import type { Handlers } from '../ipc/dispatch'
import type { Services } from '../services'
import { Jobs } from '../jobs'
import { readSiteExportPreferences } from './preferences'
import { exportOneArticle, saveOneArticle } from './single-export'
import { previewSiteExport, runSiteExport } from './site-export'

type ExportChannel =
  | 'previewExport' | 'saveExport' | 'getSiteExportPreferences' | 'chooseSiteFolder'
  | 'previewSiteExport' | 'runSiteExport' | 'cancelSiteExport'

/** The export channels, over whichever library is open at the time of the call. */
export function siteExportHandlers(services: Services): Pick<Handlers, ExportChannel> {
  const jobs = new Jobs('export')
  return {
    previewExport: (request) => exportOneArticle(services.library, request),
    saveExport: async (request) => {
      const { fileName } = await exportOneArticle(services.library, request)
      const path = await services.chooseExportFile(fileName)
      if (!path) return null
      await saveOneArticle(services.library, request, path)
      return { path }
    },
    getSiteExportPreferences: () => readSiteExportPreferences(services.library.dir),
    chooseSiteFolder: ({ defaultPath }) => services.chooseSiteFolder(defaultPath),
    previewSiteExport: (request) => previewSiteExport(services.library, request),
    runSiteExport: ({ jobId, ...request }, ctx) =>
      jobs.run(jobId, (signal) =>
        runSiteExport(services.library, request, { signal, onProgress: (progress) => ctx.emit('siteExportProgress', { jobId, ...progress }) })
      ),
    cancelSiteExport: ({ jobId }) => jobs.cancel(jobId)
  }
}
