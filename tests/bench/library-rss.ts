import { setImmediate as nextTurn } from 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openLibrary } from '../../src/main/library/library'
import { useBundledThread } from '../../src/main/threads/bundled-threads'
import { builtStampWorker, forkChild, nextMessage, runsAsChild } from './built-children'

/** The process's RSS as it is, and once its garbage is collected (twice, a turn apart: buffers are freed after a collection). */
export interface RssFigures {
  rss: number
  collected: number
}

/**
 * Run as a child of the bench: opens the library in `argv[2]`, waits for
 * search, runs the queries it is sent, and answers with its RSS. A process of
 * its own measures what the app holds with the library open and searched,
 * not the bench's own leftovers (every article it read to time the floor).
 */
if (runsAsChild(import.meta)) {
  const dir = process.argv[2]!
  process.once('message', (queries: string[]) => {
    void (async () => {
      useBundledThread('stamps', builtStampWorker(import.meta.filename))
      const library = await openLibrary(dir, 'existing', { indexNow: false })
      await library.searchReady()
      for (const query of queries) await library.listArticles({ query })
      await library.listArticles({})
      const rss = process.memoryUsage().rss
      // For information only: how much of the RSS is garbage opening left, which V8 frees at its next full collection.
      setFlagsFromString('--expose-gc')
      const collect = runInNewContext('gc') as () => void
      collect()
      await nextTurn()
      collect()
      const figures: RssFigures = { rss, collected: process.memoryUsage().rss }
      process.send!(figures, () => void library.close().then(() => process.exit(0)))
    })()
  })
}

/** The RSS of a fresh process, running plain JavaScript, that opened the library at `dir`, waited for search and ran `queries`. */
export async function rssWithLibraryOpen(dir: string, queries: string[]): Promise<RssFigures> {
  const child = await forkChild('library-rss', [dir])
  const figures = nextMessage<RssFigures>(child)
  child.send(queries)
  return figures
}
