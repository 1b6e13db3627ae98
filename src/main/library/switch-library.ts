import type { LibraryInfo } from '../../shared/library-api'
import type { Services } from '../services'
import type { SettingsStore } from '../settings/settings-store'
import { openLibrary } from './library'

/** Makes `dir` the last library and first of the recent ones, so the next start opens it. */
export async function rememberLibrary(settings: SettingsStore, dir: string): Promise<void> {
  const { recentLibraries } = settings.get()
  await settings.update({ lastLibrary: dir, recentLibraries: [dir, ...recentLibraries.filter((d) => d !== dir)].slice(0, 10) })
}

/** Opens `dir` (starting a library there if the folder is empty), closes the previous one and remembers the choice. */
export async function switchLibrary(services: Services, dir: string): Promise<LibraryInfo> {
  const next = await openLibrary(dir, 'create')
  const previous = services.library
  services.library = next
  await previous.close()
  await rememberLibrary(services.settings, next.dir)
  return next.info()
}
