import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'

let temps = 0

const tempPrefix = `.copydesk-${process.pid}-`

/** A name no other writer uses, in the target's folder so the rename never crosses file systems. */
export const tempBeside = (target: string): string => join(dirname(target), `${tempPrefix}${threadId}-${++temps}.tmp`)

/** Whether a file name is a temp file this process (any of its threads) made with tempBeside. */
export const isOwnTemp = (name: string): boolean => name.startsWith(tempPrefix) && name.endsWith('.tmp')

/**
 * Writes through a temp file in the target's folder (so the rename never
 * crosses file systems), then renames it over the target: a reader, or the
 * next export after a crash, sees the old file or the new one, never part of one.
 */
export async function writeViaTemp<T>(target: string, fill: (handle: FileHandle) => Promise<T>): Promise<T> {
  const temp = tempBeside(target)
  let handle: FileHandle | null = null
  try {
    handle = await open(temp, 'wx')
    const result = await fill(handle)
    await handle.close()
    handle = null
    await rename(temp, target)
    return result
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
