import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { editorBody, openArticle, openEditorLibrary, shows, titleField, saveNow } from './editor-support'
import { screenshot, useBrowser } from './harness'
import { articlesOnDisk, editableFields } from './library-seed'
import { firstRunProfile, selectText } from './review-support'

let browser: Browser
useBrowser((launched) => (browser = launched))

const ARTICLE = netflixArticle()
const LONG_TITLE = `${ARTICLE.title}: What Writers, Actors and Studios Say About the Tools Reshaping Television`
const COMMENTED = 'generative AI'

/** What a writer sees of the writing column, measured in the page. */
interface Column {
  /** Width of the text itself (the editor body). */
  textWidth: number
  fontSize: number
  titleClipped: boolean
  /** The column scrolls sideways: something is wider than it. */
  horizontalScroll: boolean
  toolbarRows: number
  railBeside: boolean
  railDrawer: boolean
}

function measureColumn(page: Page): Promise<Column> {
  return page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.article-body')!
    const title = document.querySelector<HTMLTextAreaElement>('.title-field')!
    const scroller = document.querySelector<HTMLElement>('.editor-scroll')!
    const toolbar = document.querySelector<HTMLElement>('.editor-toolbar')
    const buttons = toolbar ? [...toolbar.querySelectorAll<HTMLElement>('button')] : []
    const rows = new Set(buttons.filter((b) => b.offsetParent).map((b) => Math.round(b.getBoundingClientRect().top)))
    const rail = document.querySelector<HTMLElement>('.review-rail')
    return {
      textWidth: body.getBoundingClientRect().width,
      fontSize: parseFloat(getComputedStyle(body).fontSize),
      titleClipped: title.scrollHeight > title.clientHeight + 1 || title.scrollWidth > title.clientWidth + 1,
      horizontalScroll: scroller.scrollWidth > scroller.clientWidth + 1,
      toolbarRows: rows.size,
      railBeside: !!rail && !rail.classList.contains('is-drawer') && rail.getBoundingClientRect().width > 0,
      railDrawer: !!rail && rail.classList.contains('is-drawer')
    }
  })
}

/** The title and the comment the walkthrough had: a long headline and one comment thread. */
async function articleWithComment(page: Page): Promise<void> {
  await firstRunProfile(page, 'Dana Editor', 'editor')
  await openArticle(page, ARTICLE.title)
  await titleField(page).fill(LONG_TITLE)
  await selectText(page, COMMENTED)
  await page.keyboard.press('Control+Alt+m')
  const composer = page.getByRole('form', { name: 'New comment' })
  await composer.getByRole('textbox', { name: 'Comment' }).fill('Which tools exactly?')
  await composer.getByRole('button', { name: 'Comment' }).click()
  await page.getByRole('article', { name: /^Comment by Dana Editor/ }).waitFor()
  await saveNow(page)
}

const sizes = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 }
] as const

describe('the writing desk at every window size', () => {
  for (const size of sizes) {
    it(`keeps a readable writing column with comments open at ${size.width}×${size.height}`, { timeout: 120_000 }, async () => {
      const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)], promos: [hostingPromo()] })
      const { page } = app
      await page.setViewportSize(size)
      await articleWithComment(page)

      const column = await measureColumn(page)
      expect(column.textWidth).toBeGreaterThanOrEqual(560)
      // A comfortable line: at most about 80 characters of body type (40 ems).
      expect(column.textWidth / column.fontSize).toBeLessThanOrEqual(40)
      expect(column.titleClipped).toBe(false)
      expect(column.horizontalScroll).toBe(false)
      expect(column.toolbarRows).toBe(1)
      // The comments sit beside the text when there is room, and open over it on demand when not.
      expect(column.railBeside || column.railDrawer).toBe(true)
      if (size.width === 1920) expect(column.railBeside).toBe(true)
      if (size.width === 1024) expect(column.railDrawer).toBe(true)
      await screenshot(page, `workspace-${size.width}x${size.height}`)
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
      await screenshot(page, `workspace-${size.width}x${size.height}-dark`)

      if (column.railDrawer) {
        // Text and comments one at a time: the new thread showed over the text; closed, the text is whole, and one click brings the comments back.
        const toggle = page.getByRole('button', { name: /^Comments \(1\)/ })
        expect(await toggle.getAttribute('aria-expanded')).toBe('true')
        await page.getByRole('button', { name: 'Close comments' }).click()
        await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false')
        expect(await page.getByRole('article', { name: /^Comment by Dana Editor/ }).isVisible()).toBe(false)
        await screenshot(page, `workspace-${size.width}x${size.height}-comments-closed`)
        await toggle.click()
        await shows(page.getByRole('article', { name: /^Comment by Dana Editor/ }))
        expect((await measureColumn(page)).horizontalScroll).toBe(false)
      }
      await app.done()
    })
  }

  it('closes and reopens the library and the details by button and by shortcut, and they close by themselves when narrow', { timeout: 120_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)] })
    const { page } = app
    const library = page.getByRole('navigation', { name: 'Library' })
    const details = page.getByRole('complementary', { name: 'Article details' })
    await page.setViewportSize({ width: 1280, height: 800 })
    await openArticle(page, ARTICLE.title)
    await expect.poll(() => details.isVisible()).toBe(true)
    await expect.poll(() => library.isVisible()).toBe(true)
    const wide = (await measureColumn(page)).textWidth

    await page.setViewportSize({ width: 1024, height: 700 })
    await expect.poll(() => details.isVisible()).toBe(false)
    expect(await library.isVisible()).toBe(true)
    await page.setViewportSize({ width: 860, height: 700 })
    await expect.poll(() => library.isVisible()).toBe(false)

    // Reopened by button even when narrow; the layout button says which panels show.
    await page.getByRole('button', { name: 'Library' }).click()
    await expect.poll(() => library.isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Library' }).getAttribute('aria-pressed')).toBe('true')

    await page.setViewportSize({ width: 1280, height: 800 })
    await expect.poll(() => details.isVisible()).toBe(true)
    await editorBody(page).click()
    await page.keyboard.press('Control+Shift+K')
    await expect.poll(() => details.isVisible()).toBe(false)
    await page.keyboard.press('Control+Shift+L')
    await expect.poll(() => library.isVisible()).toBe(false)
    expect((await measureColumn(page)).textWidth).toBeGreaterThanOrEqual(wide)
    await page.keyboard.press('Control+Shift+L')
    await page.keyboard.press('Control+Shift+K')
    await expect.poll(() => details.isVisible()).toBe(true)
    await expect.poll(() => library.isVisible()).toBe(true)

    // Focus mode: only the text, and the same key (or the button) brings everything back.
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => library.isVisible()).toBe(false)
    expect(await details.isVisible()).toBe(false)
    expect(await page.getByRole('toolbar', { name: 'Formatting' }).isVisible()).toBe(false)
    expect(await page.locator('.status-bar').isVisible()).toBe(false)
    expect(await editorBody(page).isVisible()).toBe(true)
    await screenshot(page, 'workspace-focus-mode')
    await page.getByRole('button', { name: 'Leave focus mode' }).click()
    await expect.poll(() => library.isVisible()).toBe(true)
    expect(await details.isVisible()).toBe(true)
    await app.done()
  })

  it('puts the cursor in the new article’s title after Ctrl+N, and the title typed there is saved; the window listens to its width once, however often it redraws', { timeout: 120_000 }, async () => {
    // Counts the listeners the window puts on media queries (the panels follow the window's width through them).
    const countMediaListeners = `(() => {
      const add = MediaQueryList.prototype.addEventListener
      window.__mediaListeners = 0
      MediaQueryList.prototype.addEventListener = function (...args) { window.__mediaListeners++; return add.apply(this, args) }
    })()`
    const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)] }, { beforeLoad: countMediaListeners })
    const { page } = app
    const mediaListeners = () => page.evaluate(() => (window as unknown as { __mediaListeners: number }).__mediaListeners)
    await page.getByRole('listbox', { name: 'Articles' }).waitFor()
    const listening = await mediaListeners()
    expect(listening).toBeGreaterThan(0)
    await page.keyboard.press('Control+n')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Article title')
    await page.keyboard.type('Fresh from the keyboard')
    await saveNow(page)
    await expect.poll(async () => (await articlesOnDisk(app.libraryDir)).map((a) => a.title)).toContain('Fresh from the keyboard')
    // Creating, opening and saving the article redrew the window several times; none of them listened again.
    expect(await mediaListeners()).toBe(listening)
    await app.done()
  })

  it('wraps a long title whole when the column narrows, without a reload', { timeout: 120_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields({ ...ARTICLE, title: LONG_TITLE })] })
    const { page } = app
    await page.setViewportSize({ width: 1024, height: 700 })
    await openArticle(page, LONG_TITLE)
    const lines = () => page.evaluate(() => {
      const title = document.querySelector<HTMLTextAreaElement>('.title-field')!
      return { height: title.clientHeight, scrollHeight: title.scrollHeight }
    })
    const before = await lines()
    expect(before.scrollHeight).toBeLessThanOrEqual(before.height + 1)
    // The writer opens the details beside the text: the column narrows and the title takes more lines.
    await page.getByRole('button', { name: 'Details' }).click()
    await expect.poll(async () => (await lines()).height).toBeGreaterThan(before.height)
    const after = await lines()
    expect(after.scrollHeight).toBeLessThanOrEqual(after.height + 1)
    await app.done()
  })
})
