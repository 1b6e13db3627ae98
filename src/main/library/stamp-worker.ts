import { lstatSync, readdirSync } from 'node:fs'
import { sep } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { parseArticleFileName, parseTrashFileName } from './layout'
import type { StampedFolder, StampReply, StampRequest } from './folder-stamps'

/**
 * Lists a folder and stamps every article file in it (mtime and size, NaN
 * for one that vanished meanwhile), off the main thread: at 50,000 articles
 * the stats cost a few hundred milliseconds, which this thread spends while
 * the main one parses the index snapshot they are compared with. The live
 * folder's names are parsed here too, so the main thread gets the ids whole;
 * names that are no article file's come back apart.
 */
function stampFolder(dir: string, live: boolean): StampedFolder {
  const keys: string[] = []
  const others: string[] = []
  for (const name of readdirSync(dir)) {
    // An article file's id, or a trashed one's whole name (the main thread reads the time in it).
    const key = live ? parseArticleFileName(name) : parseTrashFileName(name) && name
    if (key === null) others.push(name)
    else keys.push(key)
  }
  const stamps = new Float64Array(keys.length * 2)
  for (let i = 0; i < keys.length; i++) {
    // The folder's path is absolute and normal: path.join would only normalize it again, 50,000 times.
    const stats = lstatSync(`${dir}${sep}${live ? `${keys[i]!}.json` : keys[i]!}`, { throwIfNoEntry: false })
    stamps[i * 2] = stats ? stats.mtimeMs : NaN
    stamps[i * 2 + 1] = stats ? stats.size : NaN
  }
  // One string crosses to the main thread far cheaper than 50,000; no file name holds a NUL.
  return { keys: keys.join('\0'), stamps, others }
}

const { articles, trash } = workerData as StampRequest
let reply: StampReply
try {
  reply = { articles: stampFolder(articles, true), trash: stampFolder(trash, false) }
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException
  reply = { error: { message, code } }
}
parentPort!.postMessage(reply, 'error' in reply ? [] : [reply.articles.stamps.buffer as ArrayBuffer, reply.trash.stamps.buffer as ArrayBuffer])
