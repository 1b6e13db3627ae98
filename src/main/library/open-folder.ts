import { mkdir, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '../../shared/ipc/result'
import { folders, INDEX_FILE } from './layout'

/** `existing`: the folder must already be a library. `create`: also start one in a missing or empty folder. */
export type OpenMode = 'existing' | 'create'

async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    if (!(await stat(dir)).isDirectory()) throw new UserError('invalid-input', `“${dir}” is a file, not a folder.`)
    return await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Makes sure `dir` is a library folder with all its subfolders. A folder is a
 * library if it has the index or an articles folder (the index alone may be
 * lost). Anything else that is not empty is refused rather than filled with
 * library files.
 */
export async function prepareLibraryFolder(dir: string, mode: OpenMode): Promise<void> {
  const entries = await entriesOf(dir)
  const isLibrary = entries !== null && (entries.includes(INDEX_FILE) || entries.includes('articles'))
  if (!isLibrary) {
    if (mode === 'existing') {
      throw new UserError('not-found', `“${dir}” is not a Copydesk library. Run “copydesk --library ${dir} init” to start one there.`)
    }
    if (entries !== null && entries.some((name) => !name.startsWith('.'))) {
      throw new UserError('invalid-input', `“${dir}” is not a Copydesk library and is not empty. Choose an existing library or an empty folder.`)
    }
  }
  await Promise.all(folders.map((folder) => mkdir(join(dir, folder), { recursive: true })))
}
