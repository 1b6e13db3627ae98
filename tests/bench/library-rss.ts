import { fork } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openLibrary } from '../../src/main/library/library'
import { useBundledThread } from '../../src/main/threads/bundled-threads'

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
// Through realpath: the script's path may reach it through a symbolic link, which import.meta.filename resolves.
if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename && process.send) {
  const dir = process.argv[2]!
  process.once('message', (queries: string[]) => {
    void (async () => {
      // As the app names the stamp thread electron-vite bundled: a library of 20,000 articles and more opens with it.
      useBundledThread('stamps', join(dirname(import.meta.filename), 'stamp-worker.mjs'))
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

const root = resolve(import.meta.dirname, '../..')

/** Packages load from node_modules, as the app loads them. */
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => ({ path, external: true }))
  }
}

/**
 * This file built as plain JavaScript, as the app's main process runs the
 * library: a child run through tsx, as the bench itself runs, also holds
 * tsx's loader thread and its compiled sources (about 40 MB of RSS), which
 * are no part of the app.
 */
async function builtChild(): Promise<string> {
  const outdir = join(root, 'node_modules/.cache/copydesk-bench')
  await build({
    absWorkingDir: root,
    entryPoints: { 'library-rss': import.meta.filename, 'stamp-worker': join(root, 'src/main/library/stamp-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [packagesExternal],
    logLevel: 'warning'
  })
  return join(outdir, 'library-rss.mjs')
}

/** The RSS of a fresh process, running plain JavaScript, that opened the library at `dir`, waited for search and ran `queries`. */
export async function rssWithLibraryOpen(dir: string, queries: string[]): Promise<RssFigures> {
  const script = await builtChild()
  return new Promise((resolve, reject) => {
    const child = fork(script, [dir], { stdio: 'inherit', execArgv: [], cwd: dirname(script) })
    child.once('message', (figures) => resolve(figures as RssFigures))
    child.once('error', reject)
    // After its figures, this changes nothing; before them, it says why they never came.
    child.once('exit', (code) => reject(new Error(`the RSS child exited with code ${code} before sending its figures`)))
    child.send(queries)
  })
}
