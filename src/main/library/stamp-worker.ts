import { lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import type { StampRequest, StampReply } from './folder-stamps'

/**
 * Lists each folder and stamps every entry (mtime and size, NaN for one that
 * vanished meanwhile), off the main thread: at 50,000 articles the stats cost
 * a few hundred milliseconds, which this thread spends while the main one
 * parses the index snapshot they are compared with.
 */
function stampFolder(dir: string): { names: string; stamps: Float64Array } {
  const names = readdirSync(dir)
  const stamps = new Float64Array(names.length * 2)
  for (const [i, name] of names.entries()) {
    const stats = lstatSync(join(dir, name), { throwIfNoEntry: false })
    stamps[i * 2] = stats ? stats.mtimeMs : NaN
    stamps[i * 2 + 1] = stats ? stats.size : NaN
  }
  // One string crosses to the main thread far cheaper than 50,000; no file name holds a NUL.
  return { names: names.join('\0'), stamps }
}

const { dirs } = workerData as StampRequest
let reply: StampReply
try {
  reply = { folders: dirs.map(stampFolder) }
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException
  reply = { error: { message, code } }
}
parentPort!.postMessage(reply, 'folders' in reply ? reply.folders.map((f) => f.stamps.buffer as ArrayBuffer) : [])
