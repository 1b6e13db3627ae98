import type { Handlers } from '../ipc/dispatch'
import type { Services } from '../services'
import { Jobs } from '../jobs'
import { readSiteExportPreferences } from './preferences'
import { rememberSiteFolder } from '../settings/recent-folders'
import type { SiteExportCall, SiteExportRequest, SiteExportSetupDefaults } from '../../shared/export-api'
import { exportOneArticle, saveOneArticle } from './single-export'
import { previewSiteExport, runSiteExport } from './site-export'

type ExportChannel =
  | 'previewExport' | 'saveExport' | 'getSiteExportPreferences' | 'chooseSiteFolder'
  | 'previewSiteExport' | 'runSiteExport' | 'cancelSiteExport'

/** The export channels, over whichever library is open at the time of the call. */
export function siteExportHandlers(services: Services): Pick<Handlers, ExportChannel> {
  const jobs = new Jobs('export')
  const { folders, settings } = services
  const withSiteDir = ({ site, ...options }: SiteExportCall): SiteExportRequest => ({ ...options, siteDir: folders.resolve('site', site) })
  const setupDefaults = async (): Promise<SiteExportSetupDefaults | null> => {
    const remembered = await readSiteExportPreferences(services.library.dir)
    if (!remembered) return null
    const { siteDir, ...choices } = remembered
    return { ...choices, site: settings.get().recentSiteFolders.includes(siteDir) ? folders.grant('site', siteDir) : null }
  }
  return {
    previewExport: (request) => exportOneArticle(services.library, request),
    saveExport: async (request) => {
      const { fileName } = await exportOneArticle(services.library, request)
      const path = await services.chooseExportFile(fileName)
      if (!path) return null
      await saveOneArticle(services.library, request, path)
      return { path }
    },
    getSiteExportPreferences: setupDefaults,
    chooseSiteFolder: async ({ near }) => {
      const chosen = await services.chooseSiteFolder(near ? folders.resolve('site', near) : undefined)
      return chosen ? folders.grant('site', chosen) : null
    },
    previewSiteExport: (call) => previewSiteExport(services.library, withSiteDir(call)),
    runSiteExport: async ({ jobId, ...call }, ctx) => {
      const request = withSiteDir(call)
      const report = await jobs.run(jobId, (signal) =>
        runSiteExport(services.library, request, { signal, onProgress: (progress) => ctx.emit('siteExportProgress', { jobId, ...progress }) })
      )
      // The next session may name this folder again by handle, without the dialog.
      await rememberSiteFolder(settings, report.siteDir)
      return report
    },
    cancelSiteExport: ({ jobId }) => jobs.cancel(jobId)
  }
}
