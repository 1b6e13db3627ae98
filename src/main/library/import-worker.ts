import { parentPort } from 'node:worker_threads'
import { parseImportFile } from '../../shared/import'
import { toThreadFailure } from '../threads/thread-failure'
import { decodeImportBytes } from './import-decode'
import type { ImportReply, ImportTask } from './import-thread'

/** An import thread: decodes and parses the files it is sent, one at a time, under the memory cap it was started with. */
const port = parentPort!

port.on('message', ({ task, name, content }: ImportTask) => {
  let reply: ImportReply
  try {
    reply = { task, imported: parseImportFile(name, typeof content === 'string' ? content : decodeImportBytes(name, content)) }
  } catch (error) {
    reply = { task, failed: toThreadFailure(error) }
  }
  port.postMessage(reply)
})
// Loaded: the time budget of the first file starts now, so a slow start on a busy machine costs no file its turn.
port.postMessage('ready')
