import { parentPort } from 'node:worker_threads'
import { isDocxName, parseDocxFile, parseImportFile, type ImportedArticle } from '../../shared/import'
import { UserError } from '../../shared/ipc/result'
import { toThreadFailure } from '../threads/thread-failure'
import { decodeImportBytes } from './import-decode'
import type { ImportReply, ImportTask } from './import-thread'

/** An import thread: decodes and parses the files it is sent, one at a time, under the memory cap it was started with. */
const port = parentPort!

async function parse(name: string, content: string | Uint8Array): Promise<ImportedArticle> {
  if (!isDocxName(name)) return parseImportFile(name, typeof content === 'string' ? content : decodeImportBytes(name, content))
  if (typeof content === 'string') throw new UserError('invalid-input', `${name}: a Word document must be sent as bytes, not text.`)
  return parseDocxFile(name, content)
}

port.on('message', ({ task, name, content }: ImportTask) => {
  parse(name, content).then(
    (imported) => port.postMessage({ task, imported } satisfies ImportReply),
    (error: unknown) => port.postMessage({ task, failed: toThreadFailure(error) } satisfies ImportReply)
  )
})
// Loaded: the time budget of the first file starts now, so a slow start on a busy machine costs no file its turn.
port.postMessage('ready')
