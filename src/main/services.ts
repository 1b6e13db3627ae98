import type { SettingsStore } from './settings/settings-store'

/**
 * Everything the IPC handlers work on. Electron's main builds it from the
 * user's folders; the end-to-end harness builds it on a temp folder.
 */
export interface Services {
  appInfo: { name: string; version: string; platform: string }
  settings: SettingsStore
  libraryPath: string
}
