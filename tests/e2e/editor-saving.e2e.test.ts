import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TYPING_PAUSE_MS } from '../../src/renderer/src/lib/after-typing'
import { bodyStats, bodyText } from '../../src/shared/article/body'
import {
  editorBody,
  openArticle,
  openEditorLibrary,
  placeCursorIn,
  pressKeys,
  saveStatus,
  storedArticle,
  titleField,
  waitUntilSaved
} from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields } from './library-seed'
import { recordCommits } from './react-commits'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'

interface StatusSeen {
  writes: { text: string; at: number; inFrame: boolean }[]
  keys: number[]
}

let browser: Browser
useBrowser((launched) => (browser = launched))

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const FIRST = 'First article'
const SECOND = 'Second article'
const twoArticles = [
  { title: FIRST, body: { type: 'doc' as const, content: [paragraph('Alpha text.')] } },
  { title: SECOND, body: { type: 'doc' as const, content: [paragraph('Bravo text.')] } }
]

/** The Netflix article open, the cursor at the end of its first paragraph. */
async function cursorInNetflixArticle() {
  const article = editableFields(netflixArticle())
  const app = await openEditorLibrary(browser, { articles: [article], promos: [hostingPromo()] })
  await openArticle(app.page, article.title!)
  await editorBody(app.page).locator('p').first().click()
  await pressKeys(app.page, 'End')
  return app
}

describe('saving in Chromium', () => {
  it('keeps the last keystrokes when the writer switches to another article at once', async () => {
    const app = await openEditorLibrary(browser, { articles: twoArticles })
    const { page } = app
    await openArticle(page, FIRST)
    await placeCursorIn(page, 'Alpha text.')
    await pressKeys(page, 'End')
    await page.keyboard.type(' Typed just before switching.')
    await page.getByLabel('Dek').fill('A dek typed just before switching')
    // No pause: the switch itself must carry the edits to the disk.
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').filter({ hasText: SECOND }).click()
    await expect.poll(() => titleField(page).inputValue()).toBe(SECOND)

    await expect
      .poll(async () => {
        const { body, dek } = await storedArticle(app, app.ids[0]!)
        return [bodyText(body), dek]
      })
      .toEqual(['Alpha text. Typed just before switching.', 'A dek typed just before switching'])
    await openArticle(page, FIRST)
    await expect(editorBody(page).textContent()).resolves.toContain('Typed just before switching.')
    await app.done()
  })

  it('keeps the last keystrokes when the window reloads or closes straight after typing', async () => {
    const app = await openEditorLibrary(browser, { articles: twoArticles })
    const { page } = app
    await openArticle(page, FIRST)
    await placeCursorIn(page, 'Alpha text.')
    await pressKeys(page, 'End')
    await page.keyboard.type(' Typed before a reload.')
    await page.reload()
    await expect.poll(async () => bodyText((await storedArticle(app, app.ids[0]!)).body)).toBe('Alpha text. Typed before a reload.')
    await openArticle(page, FIRST)
    await expect(editorBody(page).textContent()).resolves.toContain('Typed before a reload.')

    await placeCursorIn(page, 'Alpha text. Typed before a reload.')
    await pressKeys(page, 'End')
    await page.keyboard.type(' Typed before closing.')
    await page.close({ runBeforeUnload: true })
    await expect.poll(async () => bodyText((await storedArticle(app, app.ids[0]!)).body)).toBe('Alpha text. Typed before a reload. Typed before closing.')
    await app.done()
  })

  it('an autosave, the first after opening too, sends the paragraph typed in, not the article nor the place to type the editor keeps after a final block; if the library’s text changed meanwhile, it sends its text with the one it built on, the library merges both and the editor shows the merge', async () => {
    // Ends in a block that is not a paragraph, as an article ending in an FAQ or a promo does: the editor keeps an empty paragraph after it.
    const ending = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Delta heading' }] }
    const body = { type: 'doc' as const, content: [paragraph('Alpha text.'), paragraph('Bravo text.'), paragraph('Charlie text.'), ending] }
    const app = await openEditorLibrary(browser, { articles: [{ title: FIRST, body }] })
    const { page } = app
    const id = app.ids[0]!
    const savesFrom = (mark: number) =>
      app.calls
        .slice(mark)
        .flatMap(({ channel, payload }) => (channel === 'copydesk:saveArticle' ? [payload as { changes: { body?: unknown }; bodyPatch?: { insert: unknown }; bodyMerge?: unknown }] : []))
    await openArticle(page, FIRST)
    await placeCursorIn(page, 'Bravo text.')
    await pressKeys(page, 'End')
    let mark = app.calls.length
    await page.keyboard.type(' One.')
    await waitUntilSaved(page)
    // The first save after opening too: the library named the opened body's fingerprint.
    expect(savesFrom(mark)).toEqual([{ id, changes: {}, bodyPatch: { base: expect.any(String), from: 1, remove: 1, insert: { type: 'doc', content: [paragraph('Bravo text. One.')] } } }])

    mark = app.calls.length
    await page.keyboard.type(' Two.')
    await waitUntilSaved(page)
    expect(savesFrom(mark)).toEqual([{ id, changes: {}, bodyPatch: { base: expect.any(String), from: 1, remove: 1, insert: { type: 'doc', content: [paragraph('Bravo text. One. Two.')] } } }])

    // Another writer (the CLI, a sync) changes the text on disk; this editor's next save is built on the text before it.
    const stored = await storedArticle(app, id)
    await app.services.library.saveArticle(id, { body: { ...stored.body, content: [...stored.body.content, paragraph('Delta from elsewhere.')] } })
    mark = app.calls.length
    await page.keyboard.type(' Three.')
    await waitUntilSaved(page)
    const kinds = (saves: ReturnType<typeof savesFrom>) => saves.map((save) => (save.bodyPatch ? 'changed blocks' : save.bodyMerge ? 'to merge' : save.changes.body ? 'whole body' : 'no body'))
    expect(kinds(savesFrom(mark))).toEqual(['changed blocks', 'to merge'])
    // Neither edit replaced the other, and the editor took the other writer's paragraph in without being opened again.
    const merged = [paragraph('Alpha text.'), paragraph('Bravo text. One. Two. Three.'), paragraph('Charlie text.'), ending, paragraph('Delta from elsewhere.')]
    expect((await storedArticle(app, id)).body.content).toEqual(merged)
    await expect.poll(() => editorBody(page).locator('p').last().textContent()).toBe('Delta from elsewhere.')
    // Typing on builds on the merge: changed blocks again, and nothing of the other writer's undone.
    mark = app.calls.length
    await page.keyboard.type(' Four.')
    await waitUntilSaved(page)
    expect(kinds(savesFrom(mark))).toEqual(['changed blocks'])
    expect((await storedArticle(app, id)).body.content).toEqual(merged.map((block, i) => (i === 1 ? paragraph('Bravo text. One. Two. Three. Four.') : block)))
    await app.done()
  })

  it('says “Not saved” with the reason when the library cannot be written, keeps the text, and saves on Ctrl+S once it can', async () => {
    const app = await openEditorLibrary(browser, { articles: twoArticles })
    const { page } = app
    await openArticle(page, FIRST)
    // The articles folder disappears (an unplugged drive, a sync tool) and a file takes its name.
    const articles = join(app.libraryDir, 'articles')
    await rename(articles, `${articles}.away`)
    await writeFile(articles, 'not a folder')

    await placeCursorIn(page, 'Alpha text.')
    await pressKeys(page, 'End')
    await page.keyboard.type(' Written while the disk is gone.')
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 60_000 }).toMatch(/^Not saved: .+/)
    const reason = (await saveStatus(page).textContent()) ?? ''
    expect(reason).not.toMatch(/\bat \w+ \(|undefined|\[object/)
    await expect(editorBody(page).textContent()).resolves.toContain('Written while the disk is gone.')
    await screenshot(page, 'editor-save-failed')

    await rm(articles)
    await rename(`${articles}.away`, articles)
    await mkdir(articles, { recursive: true })
    // Nothing new typed: only Ctrl+S can retry now.
    await page.keyboard.press('Control+s')
    await waitUntilSaved(page)
    expect(bodyText((await storedArticle(app, app.ids[0]!)).body)).toBe('Alpha text. Written while the disk is gone.')
    await app.done()
  })

  it('each keystroke asks for one idle callback, shared by the toolbar, menus and review rail that read the editor after it, and starts no task of its own to find what it deleted', async () => {
    const app = await cursorInNetflixArticle()
    const { page } = app
    // Counts what the page asks of the browser from here on: idle callbacks, and tasks set for "now" (setTimeout 0).
    await page.evaluate(() => {
      const asked = { idle: 0, now: 0 }
      ;(window as unknown as { __asked: typeof asked }).__asked = asked
      const idle = window.requestIdleCallback.bind(window)
      window.requestIdleCallback = (run, options) => (asked.idle++, idle(run, options))
      const later = window.setTimeout.bind(window)
      window.setTimeout = ((run: TimerHandler, delay?: number, ...rest: unknown[]) => {
        if (!delay) asked.now++
        return later(run, delay, ...rest)
      }) as typeof window.setTimeout
    })
    const typed = 'abcdefghij'
    // A frame and an idle moment after each key, as for a writer typing: every idle callback asked for has run.
    await page.keyboard.type(typed, { delay: 120 })
    await expect.poll(() => editorBody(page).textContent()).toContain(typed)
    const asked = await page.evaluate(() => (window as unknown as { __asked: { idle: number; now: number } }).__asked)
    // Five readers (toolbar, text style, mark and link menus, review rail) asked for one each before. Fewer than one a
    // key is fine: on a busy machine a key can come before the idle moment, and one callback then serves both.
    expect(asked.idle).toBeGreaterThan(0)
    expect(asked.idle).toBeLessThanOrEqual(typed.length + 2)
    // Tiptap's `delete` extension set one per change, for `onDelete` listeners the app has none of.
    expect(asked.now).toBeLessThan(typed.length)
    await app.done()
  })

  it('while people type, the word count and the save state change in the frames keys draw, not in frames of their own', async () => {
    const app = await cursorInNetflixArticle()
    const { page } = app
    // Every text the two show from here on, when it was written, and whether in an animation-frame callback; and each key.
    await page.evaluate(() => {
      const seen: StatusSeen = { writes: [], keys: [] }
      ;(window as unknown as { __seen: StatusSeen }).__seen = seen
      const note = (records: MutationRecord[], inFrame: boolean): void => {
        for (const record of records) seen.writes.push({ text: record.target.textContent ?? '', at: performance.now(), inFrame })
      }
      const observer = new MutationObserver((records) => note(records, false))
      for (const testId of ['word-count', 'save-status']) observer.observe(document.querySelector(`[data-testid="${testId}"]`)!, { childList: true })
      const frame = window.requestAnimationFrame.bind(window)
      window.requestAnimationFrame = (run) =>
        frame((time) => {
          run(time)
          note(observer.takeRecords(), true)
        })
      window.addEventListener('keydown', () => seen.keys.push(performance.now()), true)
    })
    await page.keyboard.type(' and then a few more words at the pace of a brisk typist', { delay: 60 })
    await waitUntilSaved(page)
    const seen = await page.evaluate(() => (window as unknown as { __seen: StatusSeen }).__seen)

    const lastKey = Math.max(...seen.keys)
    const whileTyping = seen.writes.filter((write) => write.at <= lastKey)
    // The count follows the text every 2 s at least while keys come (3.4 s of them here): the words typed show before
    // the typing stops.
    expect(whileTyping.filter((write) => write.text.endsWith('min read')).length).toBeGreaterThan(0)
    expect(whileTyping.map((write) => write.text)).toContain('Editing…')
    // Outside a key's frame only after a pause in typing, which a busy machine may make between two keys.
    const keyBefore = (at: number): number => Math.max(...seen.keys.filter((key) => key < at))
    expect(whileTyping.filter((write) => !write.inFrame && write.at - keyBefore(write.at) < TYPING_PAUSE_MS - 1)).toEqual([])
    const stored = bodyStats((await storedArticle(app, app.ids[0]!)).body)
    await expect(page.getByTestId('word-count').textContent()).resolves.toBe(`${stored.words.toLocaleString('en')} words · ${stored.readingMinutes} min read`)
    await app.done()
  })

  it('typing makes React draw nothing for the word count or the save state, whose text is written as it changes; the autosave redraws neither the editor, its rail, closed review sections nor blocks out of view; FAQ and promo blocks are never React', async () => {
    const article = editableFields(netflixArticle())
    const app = await openEditorLibrary(browser, { articles: [article], promos: [hostingPromo()] })
    const { page } = app
    const recorder = await recordCommits(page)
    await openArticle(page, article.title!)
    await expect.poll(() => editorBody(page).locator('.faq-block, .promo-slot').count()).toBeGreaterThan(1)
    const editorParts = ['ArticleWorkspace', 'ArticleEditor', 'ReviewRail']
    const opening = new Set((await recorder.commits()).flatMap((commit) => commit.drew))
    // FAQ blocks, their questions and promo slots are plain DOM (faq-view.ts, faq-item-view.ts, promo-slot-view.ts): React never draws them.
    expect(['Faq', 'FaqItem', 'PromoSlot'].filter((name) => opening.has(name))).toEqual([])
    // Each part drew when the article opened, so a part missing below was skipped, not unseen.
    expect(editorParts.filter((name) => !opening.has(name))).toEqual([])
    const before = (await recorder.commits()).length
    const callsBefore = app.calls.length
    const wordsBefore = Number((await page.getByTestId('word-count').textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ''))
    // Every text the count and the save state show, as the page writes them.
    await page.evaluate(() => {
      const shown: { count: string[]; save: string[] } = { count: [], save: [] }
      ;(window as unknown as { __shown: typeof shown }).__shown = shown
      const follow = (testId: string, into: string[]): void => {
        const element = document.querySelector(`[data-testid="${testId}"]`)!
        const observer = new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) into.push(node.textContent ?? '')
        })
        observer.observe(element, { childList: true, subtree: true })
      }
      follow('word-count', shown.count)
      follow('save-status', shown.save)
    })

    await editorBody(page).locator('p').first().click()
    await pressKeys(page, 'End')
    await page.keyboard.type(' Five more words typed here.', { delay: 40 })
    await waitUntilSaved(page)
    const typing = (await recorder.commits()).slice(before)
    const shown = await page.evaluate(() => (window as unknown as { __shown: { count: string[]; save: string[] } }).__shown)

    // The count went up while the words were typed and ends right; the save state went through editing and saving.
    expect(shown.count.length).toBeGreaterThan(0)
    const stored = bodyStats((await storedArticle(app, app.ids[0]!)).body)
    expect(stored.words).toBeGreaterThan(wordsBefore)
    await expect(page.getByTestId('word-count').textContent()).resolves.toBe(`${stored.words.toLocaleString('en')} words · ${stored.readingMinutes} min read`)
    expect(shown.save).toEqual(expect.arrayContaining(['Editing…', 'Saving…']))
    // Neither was drawn by React to show them.
    expect(typing.flatMap((commit) => commit.drew).filter((name) => name === 'WordCount' || name === 'SaveIndicator')).toEqual([])
    // The autosave's answer updates the details and the list, never the editor holding the text.
    const drewEditor = typing.flatMap((commit) => commit.drew).filter((name) => editorParts.slice(1).includes(name))
    expect(drewEditor).toEqual([])
    expect(bodyText((await storedArticle(app, app.ids[0]!)).body)).toContain('Five more words typed here.')
    // The closed review sections (checklist, revisions) do not ask the library again after each autosave.
    const asked = app.calls.slice(callsBefore).map((call) => call.channel)
    expect(asked.some((channel) => channel.endsWith('saveArticle'))).toBe(true)
    expect(asked.filter((channel) => /getChecklist|listRevisions/.test(channel))).toEqual([])

    // Blocks out of view are skipped (content-visibility), so a keystroke lays out and paints only those on screen.
    const faq = editorBody(page).locator(':scope > .node-faq')
    const drawn = (): Promise<boolean> => faq.evaluate((block) => block.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }))
    await expect(drawn()).resolves.toBe(false)
    await faq.scrollIntoViewIfNeeded()
    await expect.poll(drawn).toBe(true)
    await app.done()
  })
})
