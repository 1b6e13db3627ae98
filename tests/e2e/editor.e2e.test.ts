import type { Browser, CDPSession, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { bodyStats } from '../../src/shared/article/body'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import {
  editorBody,
  focusBodyEnd,
  nodesOf,
  openArticle,
  openEditorLibrary,
  placeCursorIn,
  pressKeys,
  saveStatus,
  shows,
  storedArticle,
  textOf,
  tinyPng,
  titleField,
  saveNow
} from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields } from './library-seed'

let browser: Browser
useBrowser((launched) => (browser = launched))

const HOSTING = hostingPromo()
const DRAFT = 'A fresh draft'

/** Types `/query` and picks the first block the slash menu offers. */
async function slash(page: Page, query: string): Promise<void> {
  await page.keyboard.type(`/${query}`)
  await shows(page.getByRole('menu', { name: 'Insert block' }))
  await page.keyboard.press('Enter')
}

/** Tiptap hands focus back to the text on the next frame; keys pressed before that would go astray. */
const editorHasFocus = (page: Page) => expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)

type KeyEvent = { type: 'keyDown' | 'rawKeyDown' | 'keyUp' | 'char'; key: string; code?: string; text?: string; windowsVirtualKeyCode?: number }

/**
 * Sends each key without waiting for the page to handle the one before, as a writer types ahead of a busy
 * machine: the keys arrive before the browser draws a frame (Playwright's keyboard waits for each key).
 */
async function typeAhead(cdp: CDPSession, keys: string[]): Promise<void> {
  const events = keys.flatMap((key): KeyEvent[] =>
    key === 'Enter'
      ? [
          { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode: 13 },
          { type: 'char', key, text: '\r' },
          { type: 'keyUp', key, code: key, windowsVirtualKeyCode: 13 }
        ]
      : [
          { type: 'keyDown', key, text: key },
          { type: 'keyUp', key }
        ]
  )
  await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event)))
}

async function choosePromo(page: Page, search: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search promos' })
  await shows(box)
  await box.fill(search)
  await box.press('Enter')
}

describe('the writing desk in Chromium', () => {
  it('writes an article with headings, a link, an image, an FAQ and two promo slots that all come back after a reload', async () => {
    const app = await openEditorLibrary(browser, { articles: [{ title: DRAFT }], promos: [HOSTING] })
    const { page } = app
    await openArticle(page, DRAFT)
    await focusBodyEnd(page)

    await page.keyboard.type('Studios are rethinking "AI" -- it\'s here.')
    await page.keyboard.press('Enter')
    await slash(page, 'h2')
    await page.keyboard.type('What changes')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Read the full report')
    await pressKeys(page, ...Array<string>('full report'.length).fill('Shift+ArrowLeft'))
    await page.keyboard.press('Control+k')
    await page.getByRole('textbox', { name: 'Link address' }).fill('example.com/report')
    await page.keyboard.press('Enter')
    await editorHasFocus(page)
    await pressKeys(page, 'End')
    await page.keyboard.press('Enter')

    const chooser = page.waitForEvent('filechooser')
    await slash(page, 'image')
    await (await chooser).setFiles({ name: 'chart.png', mimeType: 'image/png', buffer: tinyPng })
    await shows(editorBody(page).locator('img'))
    await editorBody(page).getByRole('textbox', { name: 'Alt text' }).fill('A bar chart of studio budgets')

    await focusBodyEnd(page)
    await slash(page, 'faq')
    await page.keyboard.type('Is AI replacing writers?')
    await page.keyboard.press('Enter')
    await page.keyboard.type('No, it is a tool for them.')
    await page.keyboard.press('Control+Enter')
    await page.keyboard.type('Which studios use it?')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Netflix, for one.')
    await page.getByRole('button', { name: 'Add question' }).click()
    await page.keyboard.type('What about actors?')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Their union pushes back.')

    await focusBodyEnd(page)
    await slash(page, 'promo')
    await choosePromo(page, 'hosting')
    await focusBodyEnd(page)
    await page.keyboard.type('Between the promos.')
    await page.getByRole('button', { name: '+ Insert' }).click()
    await page.getByRole('menuitem', { name: /Promo slot/ }).click()
    await choosePromo(page, '75%')

    await saveNow(page)
    const stored = await storedArticle(app, app.ids[0]!)
    const { body } = stored
    expect(textOf(body.content[0]!)).toBe('Studios are rethinking “AI” — it’s here.')
    expect(nodesOf(body, 'heading').map((h) => [h.attrs?.['level'], textOf(h)])).toEqual([[2, 'What changes']])
    const linked = nodesOf(body, 'text').filter((t) => t.marks?.some((m) => m.type === 'link'))
    expect(linked.map((t) => [t.text, t.marks?.find((m) => m.type === 'link')?.attrs?.['href']])).toEqual([['full report', 'https://example.com/report']])
    const [image] = nodesOf(body, 'image')
    expect(image?.attrs).toMatchObject({ src: expect.stringMatching(/^media\/[0-9a-f]+-chart\.png$/), alt: 'A bar chart of studio budgets' })
    expect(nodesOf(body, 'faqQuestion').map(textOf)).toEqual(['Is AI replacing writers?', 'Which studios use it?', 'What about actors?'])
    expect(nodesOf(body, 'faqAnswer').map(textOf)).toEqual(['No, it is a tool for them.', 'Netflix, for one.', 'Their union pushes back.'])
    expect(nodesOf(body, 'promoSlot').map((p) => p.attrs?.['promoId'])).toEqual([HOSTING.id, HOSTING.id])
    await screenshot(page, 'editor-written-light')

    await page.reload()
    await openArticle(page, DRAFT)
    const editor = editorBody(page)
    await expect(editor.locator('h2').textContent()).resolves.toBe('What changes')
    await expect(editor.locator('a').getAttribute('href')).resolves.toBe('https://example.com/report')
    // The picture is served back from the library's media folder.
    await expect.poll(() => editor.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2)
    await expect(editor.getByRole('textbox', { name: 'Alt text' }).inputValue()).resolves.toBe('A bar chart of studio budgets')
    await expect(editor.locator('[data-type="faq-question"]').allTextContents()).resolves.toEqual(['Is AI replacing writers?', 'Which studios use it?', 'What about actors?'])
    await expect(editor.locator('.promo-preview-headline').allTextContents()).resolves.toEqual([HOSTING.headline, HOSTING.headline])
    await expect(editor.locator('.promo-preview-cta').first().textContent()).resolves.toBe(HOSTING.cta)
    expect(await saveStatus(page).textContent()).toBe('Saved')
    const counts = await page.getByTestId('word-count').textContent()
    const { words, readingMinutes } = bodyStats(body)
    expect(counts).toBe(`${words} words · ${readingMinutes} min read`)
    await app.done()
  })

  it('edits FAQs by keyboard and mouse: Enter moves to the answer, items reorder, add and go, several FAQs per article', async () => {
    const app = await openEditorLibrary(browser, { articles: [{ title: 'FAQ article', body: faqBody(['One?', 'Two?', 'Three?']) }] })
    const { page } = app
    await openArticle(page, 'FAQ article')
    const questions = () => editorBody(page).locator('[data-type="faq-question"]').allTextContents()
    const item = (question: string) => editorBody(page).locator('.faq-item').filter({ has: page.locator('[data-type="faq-question"]', { hasText: question }) })

    await placeCursorIn(page, 'One?')
    await pressKeys(page, 'End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Indeed. ')
    await expect(editorBody(page).locator('[data-type="faq-answer"]').first().textContent()).resolves.toBe('Indeed. Answer to One?')

    await page.keyboard.press('Alt+Shift+ArrowDown')
    expect(await questions()).toEqual(['Two?', 'One?', 'Three?'])
    await item('Three?').getByRole('button', { name: 'Move question up' }).click()
    expect(await questions()).toEqual(['Two?', 'Three?', 'One?'])
    await item('Three?').getByRole('button', { name: 'Remove question' }).click()
    expect(await questions()).toEqual(['Two?', 'One?'])
    await placeCursorIn(page, 'Two?')
    await page.keyboard.press('Control+Shift+Backspace')
    expect(await questions()).toEqual(['One?'])
    // An FAQ keeps at least one question.
    await item('One?').getByRole('button', { name: 'Remove question' }).click()
    expect(await questions()).toEqual(['One?'])

    // Enter on an empty last line of an answer starts the next question.
    await placeCursorIn(page, 'Indeed. Answer to One?')
    await pressKeys(page, 'End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Four?')
    expect(await questions()).toEqual(['One?', 'Four?'])

    await page.getByRole('textbox', { name: 'FAQ heading' }).fill('Common questions')
    await focusBodyEnd(page)
    await page.keyboard.press('Enter')
    await slash(page, 'faq')
    await page.keyboard.type('Second block?')
    expect(await editorBody(page).locator('.faq-block').count()).toBe(2)

    // An article holds dozens of questions: each is plain DOM with three buttons, not a React portal that listens for every event type.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const listeners = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'JSEventListeners')!.value
    const before = await listeners()
    for (let i = 0; i < 10; i++) await page.keyboard.press('Control+Enter')
    await expect.poll(() => editorBody(page).locator('.faq-item').count()).toBe(13)
    expect((await listeners()) - before).toBeLessThan(10 * 20)

    await saveNow(page)
    const { body } = await storedArticle(app, app.ids[0]!)
    const faqs = nodesOf(body, 'faq')
    expect(faqs.map((faq) => [faq.attrs?.['title'], nodesOf(faq, 'faqQuestion').map(textOf)])).toEqual([
      ['Common questions', ['One?', 'Four?']],
      ['FAQs', ['Second block?', ...Array<string>(10).fill('')]]
    ])
    expect(nodesOf(faqs[0]!, 'faqAnswer').map(textOf)[0]).toBe('Indeed. Answer to One?')
    await app.done()
  })

  it('opens the slash menu for "/faq" typed ahead into a new paragraph, and inserts the FAQ with no stray "/" or letters', async () => {
    const app = await openEditorLibrary(browser, { articles: [{ title: DRAFT, body: { type: 'doc', content: [paragraph('Intro.')] } }] })
    const { page } = app
    await openArticle(page, DRAFT)
    await focusBodyEnd(page)
    const cdp = await page.context().newCDPSession(page)
    const lastParagraph = () => editorBody(page).locator(':scope > p').last()
    // Each round types into a paragraph made by the Enter typed just before; it failed in most rounds before.
    for (let round = 0; round < 3; round++) {
      await typeAhead(cdp, ['Enter', ...'/faq'])
      await expect.poll(async () => (await lastParagraph().textContent())?.length).toBe(4)
      expect(await lastParagraph().textContent()).toBe('/faq')
      await shows(page.getByRole('menu', { name: 'Insert block' }))
      if (round < 2) await pressKeys(page, 'Escape', 'Shift+Home', 'Backspace')
    }
    await page.keyboard.press('Enter')
    await page.keyboard.type('Typed ahead?')

    await saveNow(page)
    const { body } = await storedArticle(app, app.ids[0]!)
    expect(nodesOf(body, 'faqQuestion').map(textOf)).toEqual(['Typed ahead?'])
    expect(body.content.filter((node) => node.type === 'paragraph').map(textOf).join('')).toBe('Intro.')
    await app.done()
  })

  it('previews promos live and warns when a slot’s promo expired, is missing or not chosen', async () => {
    const expired = { ...HOSTING, id: 'expired-promo-2020', name: 'Summer sale 2020', headline: 'Summer sale', text: 'Sun, sea and savings.', sponsor: 'Beach Co', activeFrom: '2020-06-01', activeUntil: '2020-08-31' }
    const slot = (promoId: string | null) => ({ type: 'promoSlot', attrs: { promoId } })
    const app = await openEditorLibrary(browser, {
      promos: [HOSTING, expired],
      articles: [{ title: 'Promo article', body: { type: 'doc', content: [slot(expired.id), slot('deleted-promo-0001'), paragraph('Text between.')] } }]
    })
    const { page } = app
    await openArticle(page, 'Promo article')
    const slots = editorBody(page).locator('.promo-slot')
    await expect.poll(() => slots.nth(0).locator('.block-warning').textContent()).toMatch(/^This promo ended on .* and will not run\./)
    await expect(slots.nth(0).locator('.promo-preview-headline').textContent()).resolves.toBe('Summer sale')
    await expect(slots.nth(1).locator('.block-warning').textContent()).resolves.toBe('The promo this slot shows no longer exists. Choose another one or remove the slot.')

    await slots.nth(0).getByRole('button', { name: 'Change promo' }).click()
    const search = slots.nth(0).getByRole('combobox', { name: 'Search promos' })
    await search.fill('nothing like this')
    await shows(slots.nth(0).getByText('No promo matches.'))
    await search.fill('hosting')
    await expect(slots.nth(0).getByRole('option').allTextContents()).resolves.toEqual([expect.stringContaining(HOSTING.name)])
    await search.press('Enter')
    await expect.poll(() => slots.nth(0).locator('.promo-preview-headline').textContent()).toBe(HOSTING.headline)
    expect(await slots.nth(0).locator('.block-warning').count()).toBe(0)

    // A block's icon buttons show on the block under the mouse.
    await expect(slots.nth(1).getByRole('button', { name: 'Remove promo slot' }).isVisible()).resolves.toBe(false)
    await slots.nth(1).hover()
    await slots.nth(1).getByRole('button', { name: 'Remove promo slot' }).click()
    expect(await slots.count()).toBe(1)
    await focusBodyEnd(page)
    await page.keyboard.press('Enter')
    await slash(page, 'promo')
    await shows(slots.nth(1).getByText('No promo chosen yet: pick one for this slot.'))

    await saveNow(page)
    const { body } = await storedArticle(app, app.ids[0]!)
    expect(nodesOf(body, 'promoSlot').map((p) => p.attrs?.['promoId'])).toEqual([HOSTING.id, null])
    await app.done()
  })

  it('refuses javascript: links with a message and keeps the text unlinked', async () => {
    const app = await openEditorLibrary(browser, { articles: [{ title: 'Links', body: { type: 'doc', content: [paragraph('Click here please')] } }] })
    const { page } = app
    await openArticle(page, 'Links')
    await placeCursorIn(page, 'Click here please')
    await pressKeys(page, 'End', 'Shift+Home')
    // The bubble menu offers the link for selected words.
    await page.locator('.bubble-menu').getByRole('button', { name: 'Link' }).click()
    const address = page.getByRole('textbox', { name: 'Link address' })
    await address.fill('javascript:alert(document.cookie)')
    await address.press('Enter')
    await expect(page.getByRole('alert').filter({ hasText: 'addresses are refused' }).textContent()).resolves.toContain('“javascript:” addresses are refused')
    await address.fill('  JaVaScRiPt:alert(1)')
    await address.press('Enter')
    await shows(page.getByRole('alert').filter({ hasText: 'addresses are refused' }))
    await address.press('Escape')
    expect(await editorBody(page).locator('a').count()).toBe(0)

    await placeCursorIn(page, 'Click here please')
    await pressKeys(page, 'End', 'Shift+Home')
    await page.keyboard.press('Control+k')
    await page.getByRole('textbox', { name: 'Link address' }).fill('mailto:desk@example.com')
    await page.keyboard.press('Enter')
    await expect.poll(() => editorBody(page).locator('a').getAttribute('href')).toBe('mailto:desk@example.com')
    await saveNow(page)
    const { body } = await storedArticle(app, app.ids[0]!)
    expect(JSON.stringify(body)).not.toMatch(/javascript/i)
    await app.done()
  })

  it('finds and replaces inside the article, from Ctrl+F and from the menu', async () => {
    const text = ['Netflix reported earnings.', 'Analysts expect netflix to grow.', 'NETFLIX shares rose.']
    const app = await openEditorLibrary(browser, { articles: [{ title: 'Find me', body: { type: 'doc', content: text.map(paragraph) } }] })
    const { page } = app
    await openArticle(page, 'Find me')
    // "Find next" starts from the cursor: put it at the start so the first match is next.
    await placeCursorIn(page, text[0]!)
    await page.keyboard.press('Control+f')
    const bar = page.getByRole('search', { name: 'Find and replace' })
    await bar.getByRole('searchbox', { name: 'Find' }).fill('netflix')
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('3 matches')
    expect(await editorBody(page).locator('.ProseMirror-search-match').count()).toBe(3)
    await bar.getByRole('searchbox', { name: 'Find' }).press('Enter')
    await expect.poll(() => bar.locator('.find-count').textContent()).toBe('1 of 3')
    await bar.getByRole('checkbox', { name: 'Match case' }).check()
    await expect.poll(() => bar.locator('.find-count').textContent()).toMatch(/^(1 match|1 of 1)$/)
    await bar.getByRole('checkbox', { name: 'Match case' }).uncheck()
    await bar.getByRole('textbox', { name: 'Replace with' }).fill('Streamer')
    await bar.getByRole('button', { name: 'Replace all' }).click()
    await expect.poll(() => editorBody(page).textContent()).not.toMatch(/netflix/i)
    // Escape still closes the bar after Replace all.
    await page.keyboard.press('Escape')
    await expect.poll(() => bar.count()).toBe(0)
    await page.keyboard.press('Control+f')
    await bar.getByRole('button', { name: 'Close find' }).click()
    expect(await bar.count()).toBe(0)
    expect(await editorBody(page).locator('.ProseMirror-search-match').count()).toBe(0)

    await app.emit('menu', 'find')
    await shows(page.getByRole('search', { name: 'Find and replace' }))
    await saveNow(page)
    const { body } = await storedArticle(app, app.ids[0]!)
    expect(body.content.map(textOf)).toEqual(['Streamer reported earnings.', 'Analysts expect Streamer to grow.', 'Streamer shares rose.'])
    await app.done()
  })

  it('moves blocks with Alt+Shift+arrows and undoes from the toolbar', async () => {
    const app = await openEditorLibrary(browser, { articles: [{ title: 'Blocks', body: { type: 'doc', content: ['Alpha', 'Bravo', 'Charlie'].map(paragraph) } }] })
    const { page } = app
    await openArticle(page, 'Blocks')
    const order = () => editorBody(page).locator('> p').allTextContents()
    await placeCursorIn(page, 'Charlie')
    await page.keyboard.press('Alt+Shift+ArrowUp')
    await page.keyboard.press('Alt+Shift+ArrowUp')
    expect((await order()).slice(0, 3)).toEqual(['Charlie', 'Alpha', 'Bravo'])
    await page.keyboard.press('Alt+Shift+ArrowDown')
    expect((await order()).slice(0, 3)).toEqual(['Alpha', 'Charlie', 'Bravo'])
    await page.getByRole('button', { name: 'Undo' }).click()
    expect((await order()).slice(0, 3)).toEqual(['Charlie', 'Alpha', 'Bravo'])
    await saveNow(page)
    const { body } = await storedArticle(app, app.ids[0]!)
    expect(body.content.slice(0, 3).map(textOf)).toEqual(['Charlie', 'Alpha', 'Bravo'])
    await app.done()
  })

  it('scrolls only when the cursor would leave the view: typing in view keeps the page still, Enter past the bottom follows the cursor', async () => {
    const words = 'Some words to fill the line of this paragraph.'
    const content = Array.from({ length: 30 }, (_, i) => paragraph(`Paragraph ${i + 1}. ${words}`))
    const app = await openEditorLibrary(browser, { articles: [{ title: 'Long', body: { type: 'doc', content } }] })
    const { page } = app
    await openArticle(page, 'Long')
    const scroller = page.locator('.editor-scroll')
    /** How far the cursor sits inside the editor's scrolling box, from its top and above its bottom. */
    const caretInside = () =>
      page.evaluate(() => {
        type View = { coordsAtPos(pos: number): { top: number; bottom: number }; state: { selection: { head: number } } }
        const view = (document.querySelector('.ProseMirror') as unknown as { editor: { view: View } }).editor.view
        const caret = view.coordsAtPos(view.state.selection.head)
        const box = document.querySelector('.editor-scroll')!
        const { top } = box.getBoundingClientRect()
        return { fromTop: caret.top - top, aboveBottom: top + box.clientHeight - caret.bottom }
      })
    await placeCursorIn(page, `Paragraph 2. ${words}`)
    await page.keyboard.type('Typed in view. ')
    await expect(scroller.evaluate((box) => box.scrollTop)).resolves.toBe(0)

    // Enter is the editor's own (the browser inserts text itself and shows where it did, but not a new paragraph).
    for (let i = 0; i < 40; i++) await pressKeys(page, 'Enter')
    await expect(scroller.evaluate((box) => box.scrollTop)).resolves.toBeGreaterThan(0)
    const inside = await caretInside()
    expect(inside.fromTop).toBeGreaterThanOrEqual(0)
    expect(inside.aboveBottom).toBeGreaterThanOrEqual(0)
    await app.done()
  })
})

describe('the inspector in Chromium', () => {
  it('edits title, slug, dek, people, tags, category, description, image, date, related articles and status', async () => {
    const app = await openEditorLibrary(browser, { articles: [{ title: 'Old title' }, { title: 'Taken slug' }, { title: 'Hollywood reacts' }] })
    const { page } = app
    await openArticle(page, 'Old title')
    const details = page.getByRole('complementary', { name: 'Article details' })
    const slug = details.getByLabel('Slug')

    // The slug follows the title until someone edits it.
    await details.getByLabel('Title', { exact: true }).fill('Streaming wars heat up')
    await expect.poll(() => slug.inputValue()).toBe('streaming-wars-heat-up')
    await expect(titleField(page).inputValue()).resolves.toBe('Streaming wars heat up')
    await slug.fill('taken-slug')
    await slug.press('Enter')
    await expect.poll(() => details.getByRole('alert').textContent()).toContain('Another article already uses the address “taken-slug”')
    await expect.poll(() => slug.inputValue()).toBe('streaming-wars-heat-up')
    await slug.fill('Not A Slug!')
    await slug.press('Enter')
    await expect.poll(() => details.getByRole('alert').textContent()).toContain('lowercase letters, digits and single hyphens')
    await slug.fill('streaming-wars')
    await slug.press('Enter')
    await shows(details.getByRole('button', { name: 'Follow the title again' }))

    await details.getByLabel('Dek').fill('Everyone wants your evenings.')
    await details.getByLabel('Authors').fill('Hajra Naz')
    await details.getByLabel('Authors').press('Enter')
    await details.getByLabel('Authors').fill('Sam Ortiz')
    await details.getByLabel('Authors').press('Enter')
    await details.getByRole('button', { name: 'Remove author Sam Ortiz' }).click()
    await details.getByLabel('Tags').fill('Streaming')
    await details.getByLabel('Tags').press(',')
    await details.getByLabel('Tags').fill('Netflix')
    await details.getByLabel('Tags').press('Enter')
    await details.getByLabel('Category').fill('Business')
    const description = details.getByLabel('Description')
    await description.fill('Short.')
    await expect(details.getByText('6 characters: a little short, aim for 50–160.').isVisible()).resolves.toBe(true)
    await description.fill('The streaming services are spending more than ever to keep subscribers from leaving.')
    await shows(details.getByText('84 characters: a good length.'))
    await details.getByLabel('Publish date').fill('2025-11-03')
    // Status moves through the review workflow, signed with the writer's profile.
    await details.getByLabel('Status').selectOption('in-review')
    await expect.poll(() => details.getByRole('alert').textContent()).toMatch(/profile/i)
    await app.settings.update({ profile: { name: 'Hajra Naz', role: 'writer' } })
    await details.getByLabel('Status').selectOption('in-review')
    await expect.poll(() => details.getByLabel('Status').inputValue()).toBe('in-review')
    await details.getByPlaceholder('Find an article by title…').fill('hollywood')
    await details.getByRole('list', { name: 'Matching articles' }).getByRole('button', { name: 'Hollywood reacts' }).click()
    const chooser = page.waitForEvent('filechooser')
    await details.getByRole('button', { name: 'Choose image…' }).click()
    await (await chooser).setFiles({ name: 'lead.png', mimeType: 'image/png', buffer: tinyPng })
    await details.getByLabel('Alt text').fill('A remote control')

    await saveNow(page)
    const stored = await storedArticle(app, app.ids[0]!)
    expect(stored).toMatchObject({
      title: 'Streaming wars heat up',
      slug: 'streaming-wars',
      slugLocked: true,
      dek: 'Everyone wants your evenings.',
      authors: ['Hajra Naz'],
      tags: ['Streaming', 'Netflix'],
      category: 'Business',
      description: 'The streaming services are spending more than ever to keep subscribers from leaving.',
      publishDate: '2025-11-03',
      status: 'in-review',
      related: [app.ids[2]],
      featuredImage: { src: expect.stringMatching(/^media\/[0-9a-f]+-lead\.png$/), alt: 'A remote control' }
    })
    await expect.poll(() => details.locator('.featured-image img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2)

    await details.getByRole('button', { name: 'Follow the title again' }).click()
    await expect.poll(async () => (await storedArticle(app, app.ids[0]!)).slug).toBe('streaming-wars-heat-up')
    await expect.poll(() => slug.inputValue()).toBe('streaming-wars-heat-up')
    await app.done()
  })
})

describe('the writing desk, seen', () => {
  it('shows the fixture article in light and dark, with its menus', async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(netflixArticle())], promos: [HOSTING] })
    const { page } = app
    await openArticle(page, netflixArticle().title)
    await placeCursorIn(page, 'AI as a Tool, Not a Replacement')
    await pressKeys(page, 'End', 'Shift+Home')
    await shows(page.locator('.bubble-menu').getByRole('button', { name: 'Bold' }))
    await screenshot(page, 'editor-light')

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await editorBody(page).locator('.faq-block').scrollIntoViewIfNeeded()
    await placeCursorIn(page, 'How is Netflix using AI in filmmaking?')
    await screenshot(page, 'editor-dark-faq')
    await focusBodyEnd(page)
    await page.keyboard.press('Enter')
    await page.keyboard.type('/')
    await shows(page.getByRole('menu', { name: 'Insert block' }))
    await screenshot(page, 'editor-dark-slash-menu')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+f')
    await page.getByRole('search', { name: 'Find and replace' }).getByRole('searchbox', { name: 'Find' }).fill('Netflix')
    await screenshot(page, 'editor-dark-find')
    await app.done()
  })
})

function paragraph(text: string) {
  return { type: 'paragraph', content: [{ type: 'text', text }] }
}

function faqBody(questions: string[]) {
  return {
    type: 'doc' as const,
    content: [
      paragraph('Intro.'),
      {
        type: 'faq',
        attrs: { title: 'FAQs' },
        content: questions.map((q) => ({
          type: 'faqItem',
          content: [
            { type: 'faqQuestion', content: [{ type: 'text', text: q }] },
            { type: 'faqAnswer', content: [paragraph(`Answer to ${q}`)] }
          ]
        }))
      },
      paragraph('Outro.')
    ]
  }
}
