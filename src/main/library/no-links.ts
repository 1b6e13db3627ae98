import { lstat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { UserError } from '../../shared/ipc/result'

/** Whether `path` itself is a symbolic link (false when it does not exist). */
export const isLink = (path: string): Promise<boolean> => lstat(path).then((stats) => stats.isSymbolicLink(), () => false)

/** The first folder between the library and `path` (itself excluded) that is a symbolic link, relative to the library; null if none is. */
export async function linkedFolder(libraryDir: string, path: string): Promise<string | null> {
  const parts = relative(libraryDir, dirname(path)).split(sep).filter(Boolean)
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/')
    if (await isLink(join(libraryDir, folder))) return folder
  }
  return null
}

export const linkedFolderNotice = (folder: string): string =>
  `“${folder}” in this library is a link to another place, so Copydesk did not write through it. It writes nothing outside the library folder: replace the link by the folder itself to make changes there.`

/**
 * Refuses a write to `path` when one of the library's folders on the way is
 * a link: whatever it points to is not the library's to change. (The file
 * itself may be a link: atomic writes replace it, renames and deletes act on
 * the link, never on what it points to.)
 */
export async function refuseLinkedFolders(libraryDir: string, ...paths: string[]): Promise<void> {
  for (const path of paths) {
    const folder = await linkedFolder(libraryDir, path)
    if (folder) throw new UserError('conflict', linkedFolderNotice(folder))
  }
}
