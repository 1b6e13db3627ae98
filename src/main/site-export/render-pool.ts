import type { Worker } from 'node:worker_threads'
import type { ArticleSource } from '../library/article-source'
import { startThread } from '../threads/start-thread'
import { fromThreadFailure, type ThreadFailure } from '../threads/thread-failure'
import { renderArticle, type ArticleTarget, type RenderedArticle, type RenderSetup } from './render-article'

export interface RenderTask {
  task: number
  source: ArticleSource
  target: ArticleTarget
}
/** What a render thread is sent: articles to render, or the setup of the export it now renders for. */
export type RenderMessage = RenderTask[] | { setup: RenderSetup }
export type RenderReply =
  | { task: number; rendered: RenderedArticle }
  | { task: number; failed: ThreadFailure }

/** Reads, renders and stages articles for one export (see renderArticle), in this thread or on a pool of worker threads. */
export interface Renderer {
  /**
   * How many articles are worth having under way at once: for threads, enough
   * that none runs dry while the export waits for a slower one; in this
   * thread, a few to overlap with file calls.
   */
  readonly ahead: number
  render(source: ArticleSource, target: ArticleTarget): Promise<RenderedArticle>
  /** Refuses new articles and waits for those under way: each may have written a file the export must keep or take back. */
  close(): Promise<void>
}

/** Worker threads used when there is enough to render: the machines Copydesk runs on have two cores or more. */
const THREADS = 2
/**
 * Below this many articles to render, starting the threads costs about what
 * they save: rendering takes about 0.5 ms an article, and a thread takes 0.1 s
 * to start in the app, and from sources about half a second with the bundling.
 */
const POOL_THRESHOLD = 1000

/**
 * The renderer for `count` articles: worker threads when there are enough, else this thread. A
 * build that names no render thread fails here rather than export a big library on one core unnoticed.
 */
export function createRenderer(setup: RenderSetup, count: number): Renderer {
  return rendersOnThreads(count) ? new RenderPool(setup, THREADS) : inThisThread(setup)
}

/** Whether createRenderer renders `count` articles on worker threads. */
export const rendersOnThreads = (count: number): boolean => count >= POOL_THRESHOLD

export const inThisThread = (setup: RenderSetup): Renderer => ({
  ahead: 16,
  render: (source, target) => renderArticle(source, target, setup),
  close: async () => undefined
})

interface Pending {
  resolve(rendered: RenderedArticle): void
  reject(error: Error): void
  /** Settles with the article, never failing: what close waits for. */
  done: Promise<unknown>
}

interface Thread {
  worker: Worker
  pending: Map<number, Pending>
  /** Tasks not yet posted: sent together once this turn of the event loop is over. */
  outbox: RenderTask[]
  /** This pool's listeners, taken off when the thread is kept for a later export. */
  listeners: { message: (replies: RenderReply[]) => void; error: (error: Error) => void; exit: (code: number) => void }
}

/**
 * How long the threads of a finished export wait for the next one. In the app
 * a first export follows its preview, which rendered every article on
 * threads too; a new thread costs ~0.3 s of CPU to start, and each new thread
 * compiles the export code again (V8's optimizing compiler took about a tenth
 * of a first export's CPU), so the next export within this time reuses them.
 */
const KEEP_IDLE_MS = 60_000

/** Threads kept from the last pool that closed, each still running and listened to only for a crash. */
let idle: { workers: Worker[]; timer: NodeJS.Timeout; gone: () => void } | null = null

/** Ends the kept threads, if any: the next pool starts new ones (the bench, to time a start from nothing). */
export function endKeptRenderThreads(): void {
  const kept = idle
  if (!kept) return
  idle = null
  clearTimeout(kept.timer)
  for (const worker of kept.workers) {
    worker.off('exit', kept.gone)
    void worker.terminate().catch(() => undefined)
  }
}

/** Keeps `workers` for the next pool, ending any kept before. They hold no process open while kept. */
function keepIdle(workers: Worker[]): void {
  endKeptRenderThreads()
  // A kept thread that crashes takes the others with it: the next export starts afresh.
  const gone = (): void => {
    if (idle?.workers === workers) endKeptRenderThreads()
  }
  const timer = setTimeout(endKeptRenderThreads, KEEP_IDLE_MS)
  timer.unref()
  for (const worker of workers) {
    worker.on('exit', gone)
    // An error is followed by exit; without a listener it would be thrown in this process.
    worker.on('error', gone)
    worker.unref()
  }
  idle = { workers, timer, gone }
}

/** The kept threads if there are `size` of them, taken: they then belong to the caller. */
function takeIdle(size: number): Worker[] | null {
  const kept = idle
  if (!kept || kept.workers.length !== size) return null
  idle = null
  clearTimeout(kept.timer)
  for (const worker of kept.workers) {
    worker.off('exit', kept.gone)
    worker.off('error', kept.gone)
    worker.ref()
  }
  return kept.workers
}

/**
 * Threads that each read, render and stage the articles sent to them. Every article
 * goes to the thread with the fewest waiting, and each answer settles that
 * article's promise, so callers get them in whatever order they ask.
 */
export class RenderPool implements Renderer {
  readonly ahead = 256
  private readonly threads: Thread[]
  private tasks = 0
  private broken: Error | null = null
  private closed = false
  private closing: Promise<void> | null = null

  constructor(setup: RenderSetup, size: number) {
    const kept = takeIdle(size)
    this.threads = Array.from({ length: size }, (_, index) => {
      const reused = kept?.[index]
      if (reused) reused.postMessage({ setup } satisfies RenderMessage)
      const worker = reused ?? startThread('render', { workerData: setup })
      const thread: Thread = {
        worker,
        pending: new Map(),
        outbox: [],
        listeners: {
          message: (replies) => {
            for (const reply of replies) {
              const waiting = thread.pending.get(reply.task)
              thread.pending.delete(reply.task)
              if ('rendered' in reply) waiting?.resolve(reply.rendered)
              else waiting?.reject(fromThreadFailure(reply.failed))
            }
          },
          error: (error) => this.stop(error),
          exit: (code) => this.stop(new Error(`A render thread stopped unexpectedly (exit code ${code}).`))
        }
      }
      for (const [event, listener] of Object.entries(thread.listeners)) worker.on(event, listener)
      return thread
    })
  }

  /** The threads' ids: a pool made soon after another closed has the same. */
  get threadIds(): number[] {
    return this.threads.map(({ worker }) => worker.threadId)
  }

  /** Fails every article still waiting, and every later one, with `error`: the export stops with it rather than waiting forever. */
  private stop(error: Error): void {
    this.broken ??= error
    for (const { pending } of this.threads) {
      for (const waiting of pending.values()) waiting.reject(this.broken)
      pending.clear()
    }
  }

  render(source: ArticleSource, target: ArticleTarget): Promise<RenderedArticle> {
    if (this.broken) return Promise.reject(this.broken)
    if (this.closed) return Promise.reject(new Error('Rendering was stopped before this article was started.'))
    const thread = this.threads.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least))
    const task = ++this.tasks
    let resolve!: Pending['resolve']
    let reject!: Pending['reject']
    const rendered = new Promise<RenderedArticle>((...settle) => ([resolve, reject] = settle))
    // Named, not spread in with `done` added: Node 20 gives such a copy a hidden class of its own every time (a few µs).
    thread.pending.set(task, { resolve, reject, done: rendered.catch(() => undefined) })
    // One message per batch: posting and receiving one per article took a twentieth of a render thread's time.
    if (thread.outbox.push({ task, source, target }) === 1) setImmediate(() => thread.worker.postMessage(thread.outbox.splice(0)))
    return rendered
  }

  /** Once only: a second call must not end threads this pool already handed to the next. */
  close(): Promise<void> {
    this.closing ??= this.release()
    return this.closing
  }

  private async release(): Promise<void> {
    this.closed = true
    // Every posted article is answered (or its thread dies and stop rejects it), so this ends.
    const underWay = this.threads.flatMap(({ pending }) => [...pending.values()].map((waiting) => waiting.done))
    await Promise.allSettled(underWay)
    // Threads that all answered every article and never failed are fit for the next export; any other pool is ended.
    const fit = this.broken === null
    this.stop(new Error('Rendering was stopped.'))
    for (const { worker, listeners } of this.threads) for (const [event, listener] of Object.entries(listeners)) worker.off(event, listener)
    if (fit) keepIdle(this.threads.map(({ worker }) => worker))
    else await Promise.all(this.threads.map(({ worker }) => worker.terminate()))
  }
}
