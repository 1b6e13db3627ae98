import { stat } from 'node:fs/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { LibraryPaths } from './layout'
import { STAMP_BLOCK, stampBlock, stampPaths, stampWorkOf } from './stamp-work'

export interface StampRequest {
  articles: string
  trash: string
}

/** A folder as the stamp thread listed it: `keys` joined by NUL (see StampedFolder), how many, and the other names. */
interface ListedFolder {
  keys: string
  count: number
  others: string[]
}
export type StampReply =
  | { listed: { articles: ListedFolder; trash: ListedFolder }; buffer: SharedArrayBuffer }
  | { done: true }
  | { error: { message: string; code: string | undefined } }

/**
 * One folder, listed and stamped. `keys`: in the article folder each article
 * file's id, in the trash each trashed file's name. `stamps`: for each key,
 * its file's mtime and size (NaN when it vanished between listing and stat).
 * `others`: the folder's names that are no article file's.
 */
export interface StampedFolder {
  keys: string[]
  stamps: Float64Array
  others: string[]
}
export interface StampedLibrary {
  articles: StampedFolder
  trash: StampedFolder
}

/** Files the main thread stamps between two turns of its event loop, so a lock's keep-alive is not held up. */
const STAMPS_PER_TURN = 1024

/**
 * About 20,000 articles' index snapshot (rows of about 500 bytes). The
 * thread costs the process about 150 ms of CPU more than stamping on the
 * main thread (starting it, its own heap), measured at load 7-8 on two
 * cores: at 10,000 articles, where the stats take the main thread about
 * 90 ms, opening took more CPU and more time with it than without; at 50,000
 * it halves the main thread's CPU. Below this, reconcile stamps the files
 * itself.
 */
export const STAMP_THREAD_MIN_INDEX_BYTES = 10_000_000

const deferred = <T>() => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)))
  // Awaited only once the snapshot is parsed: a rejection meanwhile is not unhandled.
  promise.catch(() => undefined)
  return { promise, resolve, reject }
}

/**
 * Lists and stamps the article and trash folders on a thread of its own,
 * started before the index snapshot is read so that both run at once; null
 * for a small library (or one without a snapshot, whose files are all read
 * anyway), which reconcile stamps itself. `finish`, called once the snapshot
 * is parsed, stamps on this thread too the files the stamp thread has not
 * reached yet, and resolves with both folders. It rejects as listing the
 * folder on the main thread would (ENOENT, EACCES).
 */
export async function stampInThread(paths: LibraryPaths, minIndexBytes = STAMP_THREAD_MIN_INDEX_BYTES): Promise<{ finish: () => Promise<StampedLibrary> } | null> {
  const indexBytes = await stat(paths.index).then(({ size }) => size, () => 0)
  if (indexBytes === 0 || indexBytes < minIndexBytes) return null
  // Loaded only for a big library: a small one (every test, most CLI runs) never loads worker threads.
  const { startThread } = await import('../threads/start-thread')
  const request: StampRequest = { articles: paths.articles, trash: paths.trash }
  let thread: ReturnType<typeof startThread>
  try {
    thread = startThread('stamps', { workerData: request, resourceLimits: { maxOldGenerationSizeMb: 256 } })
  } catch (error) {
    // A build that names no stamp thread: slower, not broken. Reconcile stamps the files itself.
    console.warn('[copydesk] the article files are checked on the main thread; the stamp thread could not start:', error instanceof Error ? error.message : String(error))
    return null
  }
  const listed = deferred<Extract<StampReply, { listed: unknown }>>()
  const done = deferred<void>()
  const fail = (error: unknown): void => {
    listed.reject(error)
    done.reject(error)
  }
  thread.on('message', (reply: StampReply) => {
    if ('error' in reply) fail(Object.assign(new Error(reply.error.message), { code: reply.error.code }))
    else if ('listed' in reply) listed.resolve(reply)
    else done.resolve()
  })
  thread.once('error', fail)
  thread.once('exit', (code) => fail(new Error(`The thread that checks the article files stopped (exit code ${code}) before it answered.`)))
  const finish = async (): Promise<StampedLibrary> => {
    const { listed: folders, buffer } = await listed.promise
    const split = ({ keys, count }: ListedFolder): string[] => (count === 0 ? [] : keys.split('\0'))
    const [liveIds, trashNames] = [split(folders.articles), split(folders.trash)]
    const work = stampWorkOf(buffer)
    const pathOf = stampPaths(paths.articles, liveIds, paths.trash, trashNames)
    for (let stamped = 0; stampBlock(work, pathOf); ) if ((stamped += STAMP_BLOCK) % STAMPS_PER_TURN === 0) await nextTurn()
    await done.promise
    const live = liveIds.length * 2
    return {
      articles: { keys: liveIds, stamps: work.stamps.subarray(0, live), others: folders.articles.others },
      trash: { keys: trashNames, stamps: work.stamps.subarray(live), others: folders.trash.others }
    }
  }
  return { finish }
}
