import type { Browser, CDPSession, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { openEditorLibrary, titleField } from './editor-support'
import { useBrowser } from './harness'
import { editableFields } from './library-seed'

/**
 * A day of work opens article after article in one window. Whatever an opening
 * builds (node views of FAQs and promo slots, menus, listeners, per-article
 * state) must go when the next article replaces it, or the renderer grows with
 * every article read.
 *
 * V8 runs without its compilers here: optimized code is a cache that grows as
 * functions get hot and is bounded by the program's size, not by the articles
 * opened, yet it sits in the same heap the metric reads (about 600 KB over a
 * hundred openings). Leaks are objects kept alive, which the interpreter keeps
 * exactly as the compiled code does.
 */
let browser: Browser
useBrowser((launched) => (browser = launched), ['--js-flags=--jitless'])

const OPENINGS = 100
/** Openings before the first measure, so it holds what any article view needs once (lazy modules, style caches, the performance timeline's buffers). */
const WARM_UP = 10
const title = (n: number): string => `Day of work ${String(n).padStart(3, '0')}`

interface Level {
  nodes: number
  listeners: number
  heap: number
}

/** Forces a full garbage collection, then reads what the renderer holds. */
async function levelAfterGc(cdp: CDPSession): Promise<Level> {
  // Twice: the first pass runs finalizers that release what a second pass frees.
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN
  return { nodes: metric('Nodes'), listeners: metric('JSEventListeners'), heap: metric('JSHeapUsedSize') }
}

/**
 * Moves the article list's keyboard cursor with `key`, opens the article under it with Enter and waits until the
 * editor shows it whole. One wait in the page with plain DOM queries: polling Playwright's role locators ran its
 * accessibility-tree walk in the page, interpreted here, several times per opening.
 */
async function openNext(page: Page, key: string, expected: string): Promise<void> {
  await page.keyboard.press(key)
  await page.keyboard.press('Enter')
  await page.waitForFunction(
    (title) =>
      document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Article title"]')?.value === title &&
      document.querySelector('.article-body .promo-preview-headline')?.checkVisibility() === true,
    expected,
    { timeout: 60_000 }
  )
}

describe('a day of work in one window', () => {
  // A hundred openings in an interpreted renderer outlast the e2e default (240 s) when other work holds both cores.
  it(`frees what each article opened: after ${OPENINGS} openings DOM nodes, listeners and JS heap are back within 5 % of their level after the first`, { timeout: 600_000 }, async () => {
    // The sample post: headings, a link, an FAQ of five questions and two promo slots, so every kind of node view is built.
    const fields = editableFields(netflixArticle())
    const articles = Array.from({ length: OPENINGS }, (_, i) => ({ ...fields, title: title(i + 1) }))
    const app = await openEditorLibrary(browser, { articles, promos: [hostingPromo()] })
    const { page } = app
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title')
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').filter({ hasText: title(1) }).click()
    await expect.poll(() => titleField(page).inputValue(), { timeout: 60_000 }).toBe(title(1))
    for (let n = 2; n <= WARM_UP; n++) await openNext(page, 'ArrowDown', title(n))
    // The first article again, with the list scrolled to its top: the page every later measure is compared with.
    await openNext(page, 'Home', title(1))
    const first = await levelAfterGc(cdp)

    for (let n = 2; n <= OPENINGS; n++) await openNext(page, 'ArrowDown', title(n))
    await openNext(page, 'Home', title(1))
    const last = await levelAfterGc(cdp)

    const growth = (key: keyof Level): number => (last[key] - first[key]) / first[key]
    const levels = JSON.stringify({ first, last })
    expect(growth('nodes'), levels).toBeLessThanOrEqual(0.05)
    expect(growth('listeners'), levels).toBeLessThanOrEqual(0.05)
    expect(growth('heap'), levels).toBeLessThanOrEqual(0.05)
    await app.done()
  })
})
