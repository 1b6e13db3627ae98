import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { bodyStats, type BodyDoc, type BodyNode } from '../../src/shared/article/body'
import { openLibrary } from '../../src/main/library/library'
import { hostingPromo } from '../fixtures/netflix'
import { makeTempDir } from '../support/temp-dir'
import { launchBrowser, openApp } from '../e2e/harness'
import { promoInput } from '../e2e/library-seed'
import { ms, percentile, type BenchSection } from './section'
import { syntheticArticles } from './synthetic-articles'

const TARGET_WORDS = 20_000
const WARM_UP_KEYS = 20
const MEASURED_KEYS = 200
// A brisk typist: a key every 60 ms. Slower keys would hide queueing; faster ones are not typing.
const KEY_INTERVAL_MS = 60

/** About 20,000 words in the shape of a real article: headings, paragraphs, FAQs and promo slots. */
function longBody(promoId: string): BodyDoc {
  const content: BodyNode[] = []
  for (const article of syntheticArticles(40, promoId, 7)) {
    content.push(...article.body!.content)
    if (bodyStats({ type: 'doc', content }).words >= TARGET_WORDS) break
  }
  return { type: 'doc', content }
}

/** The same text for StarterKit alone: FAQ questions and answers become paragraphs, promo slots go. */
function asStarterKit(body: BodyDoc): BodyDoc {
  const flatten = (node: BodyNode): BodyNode[] => {
    if (node.type === 'promoSlot') return []
    if (node.type === 'faq') return (node.content ?? []).flatMap(flatten)
    if (node.type === 'faqItem' || node.type === 'faqAnswer') return (node.content ?? []).flatMap(flatten)
    if (node.type === 'faqQuestion') return [{ type: 'paragraph', content: node.content ?? [] }]
    return [node]
  }
  return { type: 'doc', content: body.content.flatMap(flatten) }
}

/** Records, for every key, the time from the key event to the first frame painted after it. */
const recordLatencies = (): void => {
  const samples: number[] = []
  ;(window as unknown as { __latencies: number[] }).__latencies = samples
  window.addEventListener(
    'keydown',
    (event) => {
      const pressed = event.timeStamp
      // rAF runs before the frame is drawn; a task queued from it runs once it has been.
      requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - pressed), 0))
    },
    true
  )
}

async function typeAndMeasure(page: Page): Promise<number[]> {
  await page.evaluate(recordLatencies)
  const text = 'the quick brown fox jumps over the lazy dog and keeps on typing '.repeat(10)
  for (const char of text.slice(0, WARM_UP_KEYS + MEASURED_KEYS)) {
    await page.keyboard.press(char === ' ' ? 'Space' : char)
    await page.waitForTimeout(KEY_INTERVAL_MS)
  }
  await page.waitForTimeout(200)
  const samples = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
  return samples.slice(WARM_UP_KEYS)
}

/** Puts the cursor at the end of the paragraph in the middle of the article. */
async function cursorInMiddle(page: Page, selector: string): Promise<void> {
  const paragraphs = page.locator(`${selector} > p`)
  const middle = paragraphs.nth(Math.floor((await paragraphs.count()) / 2))
  await middle.scrollIntoViewIfNeeded()
  await middle.click()
  await page.keyboard.press('End')
}

async function bareEditorScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(import.meta.dirname, 'typing-bare-editor.ts'), formats: ['iife'], name: 'bareEditor' }
    }
  })
  const output = (Array.isArray(result) ? result[0] : result) as { output: { type: string; code?: string }[] }
  return output.output.find((chunk) => chunk.type === 'chunk')!.code!
}

const figures = (samples: number[]) => ({ p50: percentile(samples, 50), p95: percentile(samples, 95) })

export const typingSection: BenchSection = {
  name: 'typing',
  async run(print) {
    const outDir = resolve(import.meta.dirname, '../..', process.env['COPYDESK_OUT_DIR'] ?? 'out')
    if (!existsSync(join(outDir, 'renderer/index.html'))) {
      print(`  skipped: no built app in ${outDir}; run \`npm run build\` first`)
      return
    }
    const promo = hostingPromo()
    const body = longBody(promo.id)
    const { words } = bodyStats(body)
    const browser = await launchBrowser()
    const temp = await makeTempDir('copydesk-bench-typing-')
    try {
      const bare = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      await bare.setContent(
        '<style>body{margin:0;font:18px/1.7 Georgia,serif}#editor{max-width:740px;margin:0 auto;padding:32px 56px}.ProseMirror{outline:none}</style><div id="editor"></div>'
      )
      await bare.addScriptTag({ content: await bareEditorScript() })
      await bare.evaluate((content) => (window as unknown as { startBareEditor: (c: unknown) => void }).startBareEditor(content), asStarterKit(body))
      await cursorInMiddle(bare, '.ProseMirror')
      const baseline = figures(await typeAndMeasure(bare))
      await bare.close()

      const library = await openLibrary(join(temp.path, 'Library'))
      await library.savePromo(promoInput(promo), promo.id)
      await library.createArticle({ title: 'Twenty thousand words', body })
      const app = await openApp(browser, { userDataDir: temp.path, library })
      await app.page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().click()
      await app.page.locator('.article-body').waitFor()
      await cursorInMiddle(app.page, '.article-body')
      const copydesk = figures(await typeAndMeasure(app.page))
      await app.close()

      print(`  ${words.toLocaleString('en')}-word article with FAQs and promo slots, ${MEASURED_KEYS} keys a ${KEY_INTERVAL_MS} ms apart, key event to next painted frame:`)
      print(`    bare StarterKit  p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)}`)
      print(`    Copydesk editor  p50 ${ms(copydesk.p50)}, p95 ${ms(copydesk.p95)}`)
      print(`    ratio            p50 ×${(copydesk.p50 / baseline.p50).toFixed(2)}, p95 ×${(copydesk.p95 / baseline.p95).toFixed(2)} (targets: p95 < 16 ms and ≤ ×1.25)`)
    } finally {
      await browser.close()
      await temp.cleanup()
    }
  }
}
