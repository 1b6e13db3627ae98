import type { SettingsStore } from '../settings/settings-store'
import { openLibrary, type Library } from './library'
import { reasonOf } from './article-files'
import { rememberLibrary } from '../settings/recent-folders'

/**
 * The library the app starts with: the last one used, or the default one in
 * the user-data folder. If the last one cannot be opened (a removed drive, a
 * deleted folder), the app still starts, on the default library, and says why.
 * With `chosen` (a folder picked after start-up failed), that one, remembered.
 */
export async function openStartupLibrary(settings: SettingsStore, defaultDir: string, chosen?: string): Promise<Library> {
  const last = settings.get().lastLibrary
  let library: Library
  if (chosen) {
    library = await openLibrary(chosen, 'create')
  } else if (last) {
    try {
      library = await openLibrary(last, 'existing')
    } catch (error) {
      library = await openLibrary(defaultDir, 'create')
      library.notify(`The library “${last}” could not be opened (${reasonOf(error)}), so the default library was opened instead.`)
    }
  } else {
    library = await openLibrary(defaultDir, 'create')
  }
  await rememberLibrary(settings, library.dir)
  return library
}
