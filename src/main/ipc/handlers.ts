import { windowListQuery } from '../../shared/article-list'
import type { Handlers } from './dispatch'
import type { Services } from '../services'
import { libraryHandlers } from '../library/handlers'
import { reviewHandlers } from '../library/review-handlers'
import { siteExportHandlers } from '../site-export/handlers'
import { syncHandlers } from '../sync/handlers'
import { settingsView } from '../settings/settings-view'

/** The implementation of the whole contract over plain services, free of Electron. */
export function createHandlers(services: Services): Handlers {
  return {
    // Once services exist the app has started: see app-startup.ts for the answers before that.
    getWindowStart: async () => {
      const { library } = services
      const articles = await library.listArticles(windowListQuery)
      return {
        problem: null,
        appInfo: { ...services.appInfo, libraryPath: library.dir },
        settings: settingsView(services.settings.get(), services.folders),
        library: library.info(),
        articles
      }
    },
    retryStartup: () => null,
    startWithOtherFolder: () => null,
    showStartupFolder: () => undefined,
    getAppInfo: () => ({ ...services.appInfo, libraryPath: services.library.dir }),
    getSettings: () => settingsView(services.settings.get(), services.folders),
    updateSettings: async (patch) => settingsView(await services.settings.update(patch), services.folders),
    ...libraryHandlers(services),
    ...reviewHandlers(services),
    ...siteExportHandlers(services),
    ...syncHandlers(services)
  }
}
