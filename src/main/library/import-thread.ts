import type { Worker } from 'node:worker_threads'
import type { ImportedArticle } from '../../shared/import'
import { UserError } from '../../shared/ipc/result'
import { startThread } from '../threads/start-thread'
import { fromThreadFailure, type ThreadFailure } from '../threads/thread-failure'

export interface ImportTask {
  task: number
  name: string
  content: string | Uint8Array
}
export type ImportReply = 'ready' | { task: number; imported: ImportedArticle } | { task: number; failed: ThreadFailure }

export interface ImportLimits {
  /** How long one file may take to read, once the thread has started. */
  timeMs: number
  /** The thread's heap: a file needing more is refused, and main never holds its parse. */
  memoryMb: number
}

/**
 * Within the 5 s and 500 MB a writer may wait on one file, from the command
 * line's start to its answer, with room for a slower laptop: the command
 * line and the thread start in well under a second on a quiet machine, and
 * building the article in main, bounded by the word cap, takes a fraction
 * of one. Real articles take milliseconds and a few MB; the size and word
 * caps (shared/import/size-caps) keep real content well within these, so
 * files that reach them are built to be slow (micromark takes minutes over
 * 100,000 unfinished links). The clock starts once the thread is up, so a
 * busy machine's slow start costs no file its turn.
 */
export const importLimits: ImportLimits = { timeMs: 3500, memoryMb: 256 }

/** The refusal at the time budget: a file under the size cap that still takes this long is built oddly, more than it is long. */
const tookTooLong = (timeMs: number): string =>
  `reading it took too long (more than ${timeMs / 1000} seconds, the most Copydesk gives one file), so it was not imported. ` +
  'Split it into smaller files; if it is short, look for thousands of unfinished links or tags, which are slow to read, and clean them up.'

/** Thrown by read when the signal stops it. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled.')
  }
}

/**
 * Parses import files on a worker thread, so the main process (and the
 * window it draws) never waits on a parser. A file that runs out of time or
 * memory takes its thread down with it; the next file gets a fresh one.
 */
export class ImportThread {
  private worker: { thread: Worker; ready: boolean } | null = null
  private tasks = 0

  constructor(private readonly limits: ImportLimits = importLimits) {}

  private start(): { thread: Worker; ready: boolean } {
    if (this.worker) return this.worker
    const thread = startThread('import', {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: Math.min(32, this.limits.memoryMb / 4) }
    })
    const started = { thread, ready: false }
    thread.once('message', () => (started.ready = true))
    // Each read listens for the errors of its file; one between files must not bring main down with it.
    thread.on('error', () => undefined)
    this.worker = started
    return started
  }

  /** The file's fields and warnings; a UserError in plain words when it cannot be imported (a parser's starts with the file's name, the thread's own do not); ImportCancelled when `signal` stops it. */
  read(name: string, content: string | Uint8Array, signal?: AbortSignal): Promise<ImportedArticle> {
    if (signal?.aborted) return Promise.reject(new ImportCancelled())
    const started = this.start()
    const worker = started.thread
    const task = ++this.tasks
    return new Promise<ImportedArticle>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      }
      /** Ends the thread (and whatever it was parsing) and fails the file with `error`. */
      const stop = (error: Error): void => {
        done()
        if (this.worker === started) this.worker = null
        void worker.terminate()
        reject(error)
      }
      const onMessage = (reply: ImportReply): void => {
        if (reply === 'ready') {
          startClock()
          return
        }
        if (reply.task !== task) return
        done()
        if ('imported' in reply) resolve(reply.imported)
        else reject(fromThreadFailure(reply.failed))
      }
      const onError = (error: Error & { code?: string }): void =>
        stop(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UserError('invalid-input', `reading it needed more memory than Copydesk gives one file (${this.limits.memoryMb} MB), so it was not imported. Split it into smaller files.`)
            : new Error(error.message)
        )
      const onExit = (code: number): void => stop(new Error(`the import thread stopped unexpectedly (exit code ${code})`))
      const onAbort = (): void => stop(new ImportCancelled())
      let timer: NodeJS.Timeout | undefined
      const startClock = (): void => {
        timer = setTimeout(
          () => stop(new UserError('invalid-input', tookTooLong(this.limits.timeMs))),
          this.limits.timeMs
        )
      }
      if (started.ready) startClock()
      worker.on('message', onMessage).on('error', onError).on('exit', onExit)
      signal?.addEventListener('abort', onAbort, { once: true })
      // Copied, not transferred: a Buffer read from disk may share its memory with others.
      worker.postMessage({ task, name, content } satisfies ImportTask)
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.thread.terminate()
  }
}
