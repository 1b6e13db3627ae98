import { parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../../shared/ipc/result'
import { renderArticle, type RenderSetup } from './render-article'
import type { RenderReply, RenderTask } from './render-pool'

/** A render thread: reads and renders the articles it is sent, with the setup of the export that started it. */
const setup = workerData as RenderSetup
const port = parentPort!

// Errors lose their class between threads; the code is what tells the user what went wrong.
const failure = (error: unknown): Extract<RenderReply, { failed: unknown }>['failed'] =>
  error instanceof UserError
    ? { message: error.message, code: error.code, ...(error.details ? { details: error.details } : {}) }
    : { message: error instanceof Error ? error.message : String(error) }

port.on('message', ({ task, source }: RenderTask) => {
  renderArticle(source, setup).then(
    // The file's bytes are handed over, not copied.
    (rendered) => port.postMessage({ task, rendered } satisfies RenderReply, [rendered.content.buffer as ArrayBuffer]),
    (error: unknown) => port.postMessage({ task, failed: failure(error) } satisfies RenderReply)
  )
})
