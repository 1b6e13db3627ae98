import { readdirSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { parseArticleFileName, parseTrashFileName } from './layout'
import type { StampReply, StampRequest } from './folder-stamps'
import { sharedStampWork, stampBlock, stampPaths } from './stamp-work'

/**
 * Lists the article and trash folders and stamps every article file in them
 * off the main thread: at 50,000 articles the stats cost a few hundred
 * milliseconds, which this thread spends while the main one parses the
 * index snapshot they are compared with. The listing goes to the main thread
 * first, so that it can stamp files too once it is done parsing (stamp-work.ts).
 * The live folder's names are parsed here, so the main thread gets the ids
 * whole; names that are no article file's come back apart.
 */
function listFolder(dir: string, live: boolean): { keys: string[]; others: string[] } {
  const keys: string[] = []
  const others: string[] = []
  for (const name of readdirSync(dir)) {
    // An article file's id, or a trashed one's whole name (the main thread reads the time in it).
    const key = live ? parseArticleFileName(name) : parseTrashFileName(name) && name
    if (key === null) others.push(name)
    else keys.push(key)
  }
  return { keys, others }
}

const { articles, trash } = workerData as StampRequest
const post = (reply: StampReply): void => parentPort!.postMessage(reply)
try {
  const live = listFolder(articles, true)
  const trashed = listFolder(trash, false)
  const { buffer, work } = sharedStampWork(live.keys.length + trashed.keys.length)
  // One string crosses to the main thread far cheaper than 50,000; no file name holds a NUL.
  const folder = ({ keys, others }: { keys: string[]; others: string[] }) => ({ keys: keys.join('\0'), count: keys.length, others })
  post({ listed: { articles: folder(live), trash: folder(trashed) }, buffer })
  const pathOf = stampPaths(articles, live.keys, trash, trashed.keys)
  while (stampBlock(work, pathOf));
  post({ done: true })
} catch (error) {
  const { message, code } = error as NodeJS.ErrnoException
  post({ error: { message, code } })
}
