import type { LibraryInfo } from '../../shared/library-api'
import type { Services } from '../services'
import { rememberLibrary } from '../settings/recent-folders'
import { openLibrary } from './library'

/** What opening another library changes: the library open, and the settings that remember it. */
type OpenLibraryHolder = Pick<Services, 'library' | 'settings'>
type ChangeListener = (info: LibraryInfo) => void
const followers = new WeakMap<OpenLibraryHolder, ChangeListener>()

/**
 * Calls `listener` whenever another process (the CLI, a script) changes the
 * open library, whichever library is open at the time: the subscription
 * moves along when another one is opened. One listener per services object.
 */
export function followLibraryChanges(services: OpenLibraryHolder, listener: ChangeListener): void {
  followers.set(services, listener)
  services.library.onChange(listener)
}

/** Opens `dir` (starting a library there if the folder is empty), closes the previous one and remembers the choice. */
export async function switchLibrary(services: OpenLibraryHolder, dir: string): Promise<LibraryInfo> {
  const next = await openLibrary(dir, 'create')
  const previous = services.library
  services.library = next
  const listener = followers.get(services)
  if (listener) next.onChange(listener)
  // Closing also stops its watching.
  await previous.close()
  await rememberLibrary(services.settings, next.dir)
  return next.info()
}
