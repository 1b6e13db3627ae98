import { isAbsolute } from 'node:path'
import type { Settings, SettingsView } from '../../shared/settings'
import type { FolderGrants } from '../folders/folder-grants'

/**
 * The settings as the renderer gets them (getSettings, updateSettings,
 * settingsChanged): each recent library becomes a granted handle. A relative
 * entry (a hand-edited file) is not offered: it would mean a different folder
 * depending on where the app started.
 */
export function settingsView(settings: Settings, grants: FolderGrants): SettingsView {
  return {
    theme: settings.theme,
    profile: settings.profile,
    syncEveryMinutes: settings.syncEveryMinutes,
    recentLibraries: settings.recentLibraries.filter((dir) => isAbsolute(dir)).map((dir) => grants.grant('library', dir))
  }
}
