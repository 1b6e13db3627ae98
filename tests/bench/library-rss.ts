import { fork } from 'node:child_process'
import { openLibrary } from '../../src/main/library/library'

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
      process.send!(process.memoryUsage().rss, () => void library.close().then(() => process.exit(0)))
    })()
  })
}

/** The RSS of a fresh process that opened the library at `dir`, waited for search and ran `queries`. */
export function rssWithLibraryOpen(dir: string, queries: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    // The child inherits the bench's execArgv, so tsx runs it from sources as it runs the bench.
    const child = fork(import.meta.filename, [dir], { stdio: 'inherit' })
    child.once('message', (rss) => resolve(rss as number))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the RSS child exited with code ${code}`))))
    child.send(queries)
  })
}
