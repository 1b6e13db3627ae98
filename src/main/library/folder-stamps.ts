import { stat } from 'node:fs/promises'
import type { LibraryPaths } from './layout'

export interface StampRequest {
  articles: string
  trash: string
}

/**
 * One folder as the stamp thread found it. `keys`, joined by NUL: in the
 * article folder each article file's id, elsewhere each entry's name.
 * `stamps`: for each key, its file's mtime and size (NaN when it vanished
 * between listing and stat). `others`: the article folder's other names.
 */
export interface StampedFolder {
  keys: string
  stamps: Float64Array
  others: string[]
}
export type StampReply = { articles: StampedFolder; trash: StampedFolder } | { error: { message: string; code: string | undefined } }

export interface StampedLibrary {
  articles: StampedFolder
  trash: StampedFolder
}

/**
 * About 6,000 articles' index snapshot (rows of about 500 bytes). Starting the thread costs about 60 ms
 * of CPU (a busy two-core machine), what stamping some 8,000 files costs the
 * main thread: below that, the thread would save the main thread less than it
 * costs, and reconcile stamps the files itself.
 */
export const STAMP_THREAD_MIN_INDEX_BYTES = 3_000_000

/**
 * Lists and stamps the article and trash folders on a thread of its own,
 * started before the index snapshot is read so that both run at once; null
 * for a small library (or one without a snapshot, whose files are all read
 * anyway), which reconcile stamps itself. The promise rejects as listing the
 * folder on the main thread would (ENOENT, EACCES).
 */
export async function stampInThread(paths: LibraryPaths, minIndexBytes = STAMP_THREAD_MIN_INDEX_BYTES): Promise<{ stamped: Promise<StampedLibrary> } | null> {
  const indexBytes = await stat(paths.index).then(({ size }) => size, () => 0)
  if (indexBytes === 0 || indexBytes < minIndexBytes) return null
  // Loaded only for a big library: a small one (every test, most CLI runs) never loads worker threads.
  const { startThread } = await import('../threads/start-thread')
  const request: StampRequest = { articles: paths.articles, trash: paths.trash }
  const thread = startThread('stamps', { workerData: request, resourceLimits: { maxOldGenerationSizeMb: 256 } })
  const stamped = new Promise<StampedLibrary>((resolve, reject) => {
    thread.once('message', (reply: StampReply) => {
      if ('error' in reply) reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }))
      else resolve(reply)
    })
    thread.once('error', reject)
    thread.once('exit', (code) => reject(new Error(`The thread that checks the article files stopped (exit code ${code}) before it answered.`)))
  })
  // Awaited only after the snapshot is parsed: a rejection meanwhile is not unhandled.
  stamped.catch(() => undefined)
  // Wrapped: an async function returning the promise itself would wait for it.
  return { stamped }
}
