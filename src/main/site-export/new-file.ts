import { rename, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'

let written = 0

/**
 * Writes a file that was not there when the export was planned, atomically:
 * a temp file in the same folder (so the rename never crosses file systems),
 * then one rename, so a crash leaves no half-written page for the next export
 * to mistake for someone's edit. write-file-atomic does the same but first
 * resolves links and copies the old file's owner and mode, six more system
 * calls per file that a new file does not need: on a first export of 10,000
 * articles they took longer than everything else together.
 */
export async function writeNewFile(target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.copydesk-${process.pid}-${threadId}-${++written}.tmp`)
  try {
    await writeFile(temp, bytes, { flag: 'wx' })
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
