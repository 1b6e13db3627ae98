import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'

let temps = 0

/** A name no other writer uses, in the target's folder so the rename never crosses file systems. */
export const tempBeside = (target: string): string => join(dirname(target), `.copydesk-${process.pid}-${threadId}-${++temps}.tmp`)

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
