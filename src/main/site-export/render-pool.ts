import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { UserError, type IpcErrorCode } from '../../shared/ipc/result'
import type { ArticleSource } from '../library/article-source'
import { renderArticle, type RenderedArticle, type RenderSetup } from './render-article'

export interface RenderTask {
  task: number
  source: ArticleSource
}
export type RenderReply =
  | { task: number; rendered: RenderedArticle }
  | { task: number; failed: { message: string; code?: Exclude<IpcErrorCode, 'internal'>; details?: string[] } }

/** Reads and renders articles for one export, in this thread or on a pool of worker threads. */
export interface Renderer {
  render(source: ArticleSource): Promise<RenderedArticle>
  close(): Promise<void>
}

/** Worker threads used when there is enough to render: the machines Copydesk runs on have two cores or more. */
const THREADS = 2
/**
 * Below this many articles to render, starting the threads costs about what
 * they save: rendering takes about 0.5 ms an article, and a thread takes 0.1 s
 * to start in the app, up to a second from sources through tsx.
 */
const POOL_THRESHOLD = 1000

/** Starts one render thread with the export's setup. */
type StartWorker = (setup: RenderSetup) => Worker

/**
 * Running from sources (the CLI, tests, the bench), the worker is the
 * TypeScript file beside this one. Threads do not inherit tsx's loader, so
 * each registers it before loading the file. The app's bundle has no such
 * file and names the worker electron-vite bundled with useRenderWorker.
 */
function fromSources(): StartWorker | null {
  const here = fileURLToPath(import.meta.url)
  if (!here.endsWith('.ts')) return null
  const worker = pathToFileURL(join(dirname(here), 'render-worker.ts')).href
  return (setup) => {
    const tsx = import.meta.resolve('tsx/esm/api')
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}) })`
    return new Worker(boot, { eval: true, workerData: setup })
  }
}

let startWorker: StartWorker | null = fromSources()

/** Called by the app with the worker electron-vite bundled, since bundled code cannot find it beside itself. */
export function useRenderWorker(file: string): void {
  startWorker = (setup) => new Worker(file, { workerData: setup })
}

/** The renderer for `count` articles: worker threads when there are enough and the worker can be found, else this thread. */
export function createRenderer(setup: RenderSetup, count: number): Renderer {
  return count < POOL_THRESHOLD || !startWorker ? inThisThread(setup) : new RenderPool(setup, THREADS)
}

export const inThisThread = (setup: RenderSetup): Renderer => ({
  render: (source) => renderArticle(source, setup),
  close: async () => undefined
})

interface Pending {
  resolve(rendered: RenderedArticle): void
  reject(error: Error): void
}

/**
 * Threads that each read and render the articles sent to them. Every article
 * goes to the thread with the fewest waiting, and each answer settles that
 * article's promise, so callers get them in whatever order they ask.
 */
export class RenderPool implements Renderer {
  private readonly threads: { worker: Worker; pending: Map<number, Pending> }[]
  private tasks = 0
  private broken: Error | null = null

  constructor(setup: RenderSetup, size: number) {
    const start = startWorker
    if (!start) throw new Error('This build names no render worker: call useRenderWorker first.')
    this.threads = Array.from({ length: size }, () => {
      const worker = start(setup)
      const thread = { worker, pending: new Map<number, Pending>() }
      worker.on('message', (reply: RenderReply) => {
        const waiting = thread.pending.get(reply.task)
        thread.pending.delete(reply.task)
        if ('rendered' in reply) waiting?.resolve(reply.rendered)
        else waiting?.reject(reply.failed.code ? new UserError(reply.failed.code, reply.failed.message, reply.failed.details) : new Error(reply.failed.message))
      })
      worker.on('error', (error) => this.stop(error))
      worker.on('exit', (code) => this.stop(new Error(`A render thread stopped unexpectedly (exit code ${code}).`)))
      return thread
    })
  }

  /** Fails every article still waiting, and every later one, with `error`: the export stops with it rather than waiting forever. */
  private stop(error: Error): void {
    this.broken ??= error
    for (const { pending } of this.threads) {
      for (const waiting of pending.values()) waiting.reject(this.broken)
      pending.clear()
    }
  }

  render(source: ArticleSource): Promise<RenderedArticle> {
    if (this.broken) return Promise.reject(this.broken)
    const thread = this.threads.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least))
    const task = ++this.tasks
    return new Promise((resolve, reject) => {
      thread.pending.set(task, { resolve, reject })
      thread.worker.postMessage({ task, source } satisfies RenderTask)
    })
  }

  async close(): Promise<void> {
    this.stop(new Error('Rendering was stopped before this article was done.'))
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()))
  }
}
