import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { firstLoadScripts } from '../support/renderer-build'
import { makeTempDir } from '../support/temp-dir'
import { launchBrowser, openApp } from '../e2e/harness'
import { seedManyArticles } from '../e2e/library-seed'
import { LIST_SHOWN_MARK, mainThreadCpuToMark, TRACE_CATEGORIES } from './main-thread-cpu'
import { busyCores, ms, percentile, verdict, type BenchSection } from './section'

const root = resolve(import.meta.dirname, '../..')
// A working desk's library: the list's own cost at 10,000 and 50,000 articles is the library section's to measure.
const LIBRARY_SIZE = 200
const RUNS = 10
const TARGET_FIRST_LOAD_BYTES = 1_000_000
const TARGET_LIST_MS = 300
/**
 * The harness drives the page over a DevTools session, and with one open V8 keeps a detailed stack trace of every
 * Error created. React DOM creates five as its module starts (its Suspense sentinels), and V8, which leaves out
 * source positions when it compiles, then re-parses React DOM's 260 kB module function and the whole entry script to
 * find them: about 50 ms of the page's main-thread CPU per opening (a quarter of its way to the list), which a window
 * with no DevTools attached does not spend (Chromium without a DevTools client: under 1 ms). Here V8 records source
 * positions as it compiles instead, so the bench times the window's own work.
 */
const NO_DEVTOOLS_STACK_COST = ['--js-flags=--no-enable-lazy-source-positions']

/**
 * Runs in the page before any of its scripts: notes, on the page's own clock (0 = navigation start), when the
 * article list first shows a row (also as a mark, for the trace).
 */
const watchForList = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role="listbox"][aria-label="Articles"] [role="option"]')) return
    window.__listShownAt = performance.now()
    performance.mark(${JSON.stringify(LIST_SHOWN_MARK)})
    observer.disconnect()
  }).observe(document, { childList: true, subtree: true })
`

interface Opening {
  listMs: number
  scriptsMs: number
  /** The page's main-thread CPU from page load to the list. */
  cpuMs: number
}

async function openOnce(browser: Browser, userDataDir: string): Promise<Opening> {
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES })
  let tracing = true
  const stopTracing = async (): Promise<Buffer> => {
    tracing = false
    return browser.stopTracing()
  }
  const app = await openApp(browser, { userDataDir, beforeLoad: watchForList }).catch(async (error: unknown) => {
    await stopTracing()
    throw error
  })
  try {
    const listed = app.page.waitForFunction(() => (window as unknown as { __listShownAt?: number }).__listShownAt)
    const listMs = (await (await listed).jsonValue()) as number
    // Only the scripts asked for before the list showed: the chunks loaded after it paints are not on the way to it.
    const scriptsMs = await app.page.evaluate(
      (shownAt) =>
        Math.max(
          ...performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.endsWith('.js') && entry.startTime < shownAt)
            .map((entry) => (entry as PerformanceResourceTiming).responseEnd)
        ),
      listMs
    )
    const cpuMs = mainThreadCpuToMark(await stopTracing(), LIST_SHOWN_MARK)
    return { listMs, scriptsMs, cpuMs }
  } finally {
    if (tracing) await stopTracing()
    await app.close()
  }
}

async function measure(browser: Browser, userDataDir: string): Promise<Opening[]> {
  const openings: Opening[] = []
  for (let run = 0; run < RUNS; run++) openings.push(await openOnce(browser, userDataDir))
  return openings
}

function report(print: (line: string) => void, label: string, openings: Opening[]): void {
  const list = openings.map((opening) => opening.listMs)
  const median = percentile(list, 50)
  print(`  ${label}:`)
  print(`    page load to article list: median ${ms(median)}, worst ${ms(Math.max(...list))} (target ≤ ${TARGET_LIST_MS} ms: ${verdict(median <= TARGET_LIST_MS)})`)
  print(`    of which scripts fetched by: median ${ms(percentile(openings.map((opening) => opening.scriptsMs), 50))}`)
  // The wall time above stretches with whatever else has the cores; this is the page's own work on the way to the list.
  print(`    page's main-thread CPU to the list: median ${ms(percentile(openings.map((opening) => opening.cpuMs), 50))}`)
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`

/** The window's first paint of the library: the JavaScript it loads before anything shows, and how long the article list takes. */
export const windowSection: BenchSection = {
  name: 'window',
  async run(print) {
    // The figures are for the renderer these sources build, never an older build lying in out/.
    const outDir = resolve(root, process.env['COPYDESK_OUT_DIR'] ?? 'out')
    execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', outDir], { cwd: root, stdio: 'ignore' })
    const first = await firstLoadScripts(join(outDir, 'renderer'))
    print(`  first load: ${first.files.length} script${first.files.length === 1 ? '' : 's'}, ${kb(first.bytes)} (${kb(first.gzipBytes)} gzipped) of ${kb(first.allBytes)} in all (target < ${kb(TARGET_FIRST_LOAD_BYTES)}: ${verdict(first.bytes < TARGET_FIRST_LOAD_BYTES)})`)

    const temp = await makeTempDir('copydesk-bench-window-')
    const browser = await launchBrowser(NO_DEVTOOLS_STACK_COST)
    try {
      await seedManyArticles(join(temp.path, 'Library'), LIBRARY_SIZE)
      print(`  ${RUNS} openings of the window on a library of ${LIBRARY_SIZE.toLocaleString('en')} articles, in Chromium (the e2e harness):`)
      // One opening first, unmeasured: Chromium's own start-up and the library's first read are not the window's.
      await openOnce(browser, temp.path)
      report(print, 'quiet', await measure(browser, temp.path))
      const load = busyCores()
      const busy = await measure(browser, temp.path).finally(() => load.stop())
      report(print, `every core kept busy (${availableParallelism()} spinning threads)`, busy)
    } finally {
      await browser.close()
      await temp.cleanup()
    }
  }
}
