import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname, isAbsolute } from 'node:path'

/**
 * The folder of a file the renderer picked or dropped, where the images it
 * names beside it are looked for; undefined when the path cannot be
 * trusted. The renderer only says where the file came from, so the folder
 * is taken only when the regular file there holds exactly the bytes sent:
 * a renderer cannot name a folder it did not read a file from.
 */
export async function sourceFolderOf(path: string | undefined, content: string | Uint8Array): Promise<string | undefined> {
  if (path === undefined || !isAbsolute(path) || path.includes('\0')) return undefined
  const sent = typeof content === 'string' ? Buffer.from(content) : content
  let handle
  try {
    // Non-blocking: a path that names a FIFO would otherwise hold a file-system thread until someone writes to it.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    const info = await handle.stat()
    if (!info.isFile() || info.size !== sent.byteLength) return undefined
    return Buffer.from(await handle.readFile()).equals(sent) ? dirname(path) : undefined
  } catch {
    return undefined
  } finally {
    await handle?.close()
  }
}
