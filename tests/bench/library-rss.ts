import { fork } from 'node:child_process'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openLibrary } from '../../src/main/library/library'

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
if (process.argv[1] === import.meta.filename && process.send) {
  const dir = process.argv[2]!
  process.once('message', (queries: string[]) => {
    void (async () => {
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

/** The RSS of a fresh process that opened the library at `dir`, waited for search and ran `queries`. */
export function rssWithLibraryOpen(dir: string, queries: string[]): Promise<RssFigures> {
  return new Promise((resolve, reject) => {
    // The child inherits the bench's execArgv, so tsx runs it from sources as it runs the bench.
    const child = fork(import.meta.filename, [dir], { stdio: 'inherit' })
    child.once('message', (figures) => resolve(figures as RssFigures))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the RSS child exited with code ${code}`))))
    child.send(queries)
  })
}
