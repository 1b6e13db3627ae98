import { parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../../shared/ipc/result'
import { renderArticle, type RenderSetup } from './render-article'
import type { RenderReply, RenderTask } from './render-pool'

/** A render thread: reads and renders the articles it is sent, with the export's setup it was started with. */
const setup = workerData as RenderSetup
const port = parentPort!

port.on('message', async ({ task, source }: RenderTask) => {
  let reply: RenderReply
  try {
    const rendered = await renderArticle(source, setup)
    port.postMessage({ task, rendered } satisfies RenderReply, [rendered.content.buffer as ArrayBuffer])
    return
  } catch (error) {
    // Errors lose their class between threads; the code is what tells the user what went wrong.
    reply = error instanceof UserError
      ? { task, failed: { message: error.message, code: error.code, ...(error.details ? { details: error.details } : {}) } }
      : { task, failed: { message: error instanceof Error ? error.message : String(error) } }
  }
  port.postMessage(reply)
})
