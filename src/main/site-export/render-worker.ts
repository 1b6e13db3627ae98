import { parentPort, workerData } from 'node:worker_threads'
import { toThreadFailure } from '../threads/thread-failure'
import { renderArticle, type RenderSetup } from './render-article'
import type { RenderMessage, RenderReply } from './render-pool'

/**
 * A render thread: reads, renders and stages the articles it is sent, with the
 * setup of the export that started it or, once kept for a later export (see
 * render-pool.ts), of the export that last sent one.
 */
let setup = workerData as RenderSetup
const port = parentPort!

/** Answers go back a few at a time: enough to save most of the cost of a message each, few enough that the export never waits long for one. */
const REPLY_BATCH = 8

port.on('message', async (message: RenderMessage) => {
  if (!Array.isArray(message)) {
    // Sent only while no article is under way: the pool waits for every answer before it lends its threads out again.
    setup = message.setup
    return
  }
  const tasks = message
  let replies: RenderReply[] = []
  let transfer: ArrayBuffer[] = []
  for (const [index, { task, source, target }] of tasks.entries()) {
    try {
      const rendered = await renderArticle(source, target, setup)
      replies.push({ task, rendered })
      // Bytes going back are handed over, not copied.
      if (rendered.content) transfer.push(rendered.content.buffer as ArrayBuffer)
    } catch (error) {
      replies.push({ task, failed: toThreadFailure(error) })
    }
    if (replies.length === REPLY_BATCH || index === tasks.length - 1) {
      port.postMessage(replies, transfer)
      replies = []
      transfer = []
    }
  }
})
