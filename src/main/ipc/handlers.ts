import type { Handlers } from './dispatch'
import type { Services } from '../services'

/** The implementation of the whole contract over plain services, free of Electron. */
export function createHandlers(services: Services): Handlers {
  return {
    getAppInfo: () => ({ ...services.appInfo, libraryPath: services.libraryPath }),
    getSettings: () => services.settings.get(),
    updateSettings: (patch) => services.settings.update(patch)
  }
}
