import type { AppInfo } from '../shared/ipc/contract'
import type { FolderGrants } from './folders/folder-grants'
import type { Library } from './library/library'
import type { SettingsStore } from './settings/settings-store'

/**
 * Everything the IPC handlers work on. Electron's main builds it from the
 * user's folders; the end-to-end harness builds it on a temp folder.
 */
export interface Services {
  appInfo: Omit<AppInfo, 'libraryPath'>
  settings: SettingsStore
  /** The folders the renderer may name by handle; grown only from native dialogs and the settings' recent lists. */
  folders: FolderGrants
  /** The library currently open; the openLibrary channel replaces it. */
  library: Library
  /** Asks the user for a library folder: Electron's dialog in the app, a stand-in in tests. Null if cancelled. */
  chooseFolder: () => Promise<string | null>
  /** Asks for the site folder to export into (native dialog in the app). Null if cancelled. */
  chooseSiteFolder: (defaultPath?: string) => Promise<string | null>
  /** Asks where to save one exported article, suggesting a file name (native save dialog in the app). Null if cancelled. */
  chooseExportFile: (suggestedName: string) => Promise<string | null>
  /** Asks where to save a review bundle, suggesting a file name (native save dialog in the app). Null if cancelled. */
  chooseReviewBundleFile: (suggestedName: string) => Promise<string | null>
}
