import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { editorBody, openArticle, openEditorLibrary, pressKeys, selectionSettled, shows } from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields } from './library-seed'
import { selectText } from './review-support'

let browser: Browser
useBrowser((launched) => (browser = launched))

const ARTICLE = netflixArticle()

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    return { label: element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '', inDetails: !!element?.closest('[aria-label="Article details"]') }
  })

async function openNetflix(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await openArticle(page, ARTICLE.title)
}

describe('keyboard first', () => {
  it('tabs from the body to the details through one stop per block, with arrow keys inside a block', { timeout: 120_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)], promos: [hostingPromo()] })
    const { page } = app
    await openNetflix(page)
    expect(await editorBody(page).locator('.faq-item').count()).toBeGreaterThanOrEqual(5)
    expect(await editorBody(page).locator('.promo-slot').count()).toBe(2)

    await editorBody(page).focus()
    const stops: string[] = []
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab')
      const now = await focused(page)
      if (now.inDetails) break
      stops.push(now.label)
    }
    expect((await focused(page)).inDetails).toBe(true)
    // The FAQ (heading, remove, 3 buttons per question, add) and each promo slot are one stop each.
    expect(stops).toEqual(['Change promo', 'FAQ heading', 'Change promo'])

    // Inside the FAQ the arrows walk its controls, and Tab leaves it from wherever the arrows stopped.
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    expect((await focused(page)).label).toBe('FAQ heading')
    await page.keyboard.press('ArrowDown')
    expect((await focused(page)).label).toBe('Remove FAQ block')
    await page.keyboard.press('ArrowDown')
    expect((await focused(page)).label).toBe('Move question up')
    await page.keyboard.press('ArrowRight')
    expect((await focused(page)).label).toBe('Move question down')
    await page.keyboard.press('Tab')
    expect((await focused(page)).label).toBe('Change promo')

    // The move and remove buttons are real targets.
    const sizes = await editorBody(page)
      .locator('.faq-item-tools button')
      .evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)))
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24)
    await app.done()
  })

  it('names every toolbar button, and sets paragraph or heading from the toolbar', { timeout: 120_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)], promos: [hostingPromo()] })
    const { page } = app
    await openNetflix(page)
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    const names = await toolbar.locator('button, select').evaluateAll((controls) => controls.map((c) => c.getAttribute('aria-label') ?? c.textContent?.trim() ?? ''))
    expect(names.every((name) => name.length > 1 && !/^[^\p{L}]+$/u.test(name))).toBe(true)
    expect(names).toEqual(expect.arrayContaining(['Text style', 'Bold', 'Italic', 'Inline code', 'Bulleted list', 'Quote', 'Comment', 'Suggestion mode', 'Export']))

    const textStyle = toolbar.getByRole('combobox', { name: 'Text style' })
    await editorBody(page).getByText('Netflix doesn’t plan to make AI', { exact: false }).click()
    // The style applies to the editor's selection, which reads the click a moment later.
    await selectionSettled(page)
    await expect.poll(() => textStyle.inputValue()).toBe('paragraph')
    await textStyle.selectOption('3')
    await expect.poll(() => editorBody(page).locator('h3').filter({ hasText: 'Netflix doesn’t plan to make AI' }).count()).toBe(1)
    await textStyle.selectOption('paragraph')
    await expect.poll(() => editorBody(page).locator('h3').filter({ hasText: 'Netflix doesn’t plan to make AI' }).count()).toBe(0)
    await screenshot(page, 'toolbar-icons')
    await app.done()
  })

  it('keeps Ctrl+E for inline code, exports with Ctrl+Shift+E, and lists every shortcut on Ctrl+/', { timeout: 120_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)], promos: [hostingPromo()] })
    const { page } = app
    await openNetflix(page)
    await selectText(page, 'generative AI')
    await pressKeys(page, 'Control+e')
    await expect.poll(() => editorBody(page).locator('code').filter({ hasText: 'generative AI' }).count()).toBe(1)
    expect(await page.locator('dialog[open]').count()).toBe(0)

    await page.keyboard.press('Control+Shift+E')
    await shows(page.getByRole('dialog', { name: 'Export as HTML' }))
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)

    await page.keyboard.press('Control+/')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await shows(sheet)
    const rows = await sheet.locator('.shortcut-row').evaluateAll((all) => all.map((row) => `${row.querySelector('dt')!.textContent} = ${row.querySelector('kbd')!.textContent}`))
    expect(rows).toEqual(
      expect.arrayContaining([
        'Comment on the selection = Ctrl+Alt+M',
        'Suggestion mode on or off = Ctrl+Alt+S',
        'Inline code = Ctrl+E',
        'Export as HTML… = Ctrl+Shift+E',
        'Focus mode (only the text) = Ctrl+Shift+F',
        'Keyboard shortcuts = Ctrl+/'
      ])
    )
    // One key, one command.
    const keys = rows.map((row) => row.split(' = ')[1])
    expect(new Set(keys).size).toBe(keys.length)
    await screenshot(page, 'shortcut-sheet')
    await sheet.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => sheet.count()).toBe(0)
    // Help → Keyboard Shortcuts in the native menu sends the same command.
    await app.emit('menu', 'show-shortcuts')
    await shows(sheet)
    await app.done()
  })

  it('exports from the toolbar with the rendered page beside its source, in a frame that runs no script', { timeout: 120_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)], promos: [hostingPromo()] })
    const { page } = app
    await openNetflix(page)
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Export' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export as HTML' })
    await shows(dialog)
    await expect.poll(() => dialog.getByLabel('Exported file').textContent()).toContain(`<h1>${ARTICLE.title}</h1>`)
    const frame = dialog.locator('iframe[title="Rendered page"]')
    expect(await frame.getAttribute('sandbox')).toBe('')
    const rendered = page.frameLocator('iframe[title="Rendered page"]')
    await expect.poll(() => rendered.locator('h1').textContent()).toBe(ARTICLE.title)
    // Styled by the page's own stylesheet, the one inline style the window's CSP lets in (by its hash).
    expect(await rendered.locator('article, main, body').first().evaluate((element) => getComputedStyle(element).getPropertyValue('--text').trim())).toMatch(/^#[0-9a-f]{6}$/)
    await screenshot(page, 'export-rendered-preview')

    // Markdown shows its source beside the page it will make, and says what a lone Hugo file lacks.
    await dialog.getByRole('radio', { name: 'Markdown' }).check()
    const markdown = page.getByRole('dialog', { name: 'Export as Markdown' })
    await markdown.getByLabel('Flavour').selectOption('hugo')
    await expect.poll(() => markdown.getByLabel('Exported file').textContent()).toContain('{{< copydesk-faq')
    await expect.poll(() => rendered.locator('h1').textContent()).toBe(ARTICLE.title)
    await shows(markdown.getByText(/Hugo shortcodes .* site kit/))
    await app.done()
  })

  it('runs no script from the article inside the preview frame', { timeout: 120_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)] })
    const { page } = app
    await openNetflix(page)
    await page.keyboard.press('Control+Shift+E')
    const dialog = page.getByRole('dialog', { name: 'Export as HTML' })
    await shows(dialog)
    await page.frameLocator('iframe[title="Rendered page"]').locator('h1').waitFor()
    // An empty sandbox: the frame's document refuses script outright.
    const ran = await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Rendered page"]')!
      try {
        const script = frame.contentDocument?.createElement('script')
        if (!script || !frame.contentDocument) return 'no access'
        script.textContent = 'window.parent.__previewRan = true'
        frame.contentDocument.body.append(script)
      } catch {
        return 'blocked'
      }
      return (window as unknown as { __previewRan?: boolean }).__previewRan ? 'ran' : 'blocked'
    })
    expect(ran).not.toBe('ran')
    await app.done()
  })
})
