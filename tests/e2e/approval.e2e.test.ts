import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { seriousViolations } from './axe'
import { editorBody, openArticle, openEditorLibrary, pressKeys, storedArticle, saveNow } from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields, promosOnDisk } from './library-seed'
import { firstRunProfile, openSection, selectText } from './review-support'

let browser: Browser
useBrowser((launched) => (browser = launched))

const NETFLIX = netflixArticle()
const EDITOR = 'Sam Ortiz'
const details = (page: Page) => page.getByRole('complementary', { name: 'Article details' })
const statusSelect = (page: Page) => details(page).getByRole('combobox', { name: 'Status' })
const row = (page: Page) => page.getByRole('listbox', { name: 'Articles' }).getByRole('option').filter({ hasText: NETFLIX.title })

/** Types `text` right after `anchor` in the body and waits until it is stored. */
async function typeAfter(page: Page, anchor: string, text: string): Promise<void> {
  await selectText(page, anchor)
  await pressKeys(page, 'ArrowRight')
  await page.keyboard.type(text)
  await saveNow(page)
}

describe('approved means approved, in Chromium', () => {
  it('marks an article edited after approval, shows what changed since, warns at export and publishing; its history is sessions and marks', { timeout: 300_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [{ ...editableFields(NETFLIX), status: 'draft' }], promos: [hostingPromo()] })
    const { page } = app
    const id = app.ids[0]!
    await page.setViewportSize({ width: 1920, height: 1080 })
    await firstRunProfile(page, EDITOR, 'editor')
    await openArticle(page, NETFLIX.title)

    // Three bursts of typing, each saved: one editing session, not three revisions.
    await typeAfter(page, 'make creative teams more efficient.', ' One.')
    await typeAfter(page, ' One.', ' Two.')
    await typeAfter(page, ' Two.', ' Three.')

    await statusSelect(page).selectOption('in-review')
    await expect.poll(async () => (await storedArticle(app, id)).status).toBe('in-review')
    await statusSelect(page).selectOption('approved')
    const approve = page.getByRole('dialog', { name: 'Approve this article?' })
    await approve.getByRole('button', { name: /^Approve/ }).waitFor()
    if (await approve.getByRole('textbox').count()) await approve.getByRole('textbox').fill('Approved for the e2e test.')
    await approve.getByRole('button', { name: /^Approve/ }).click()
    await approve.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await storedArticle(app, id)).status).toBe('approved')
    expect(await page.getByTestId('edited-since-approval').count()).toBe(0)
    expect(await row(page).locator('.status-badge').textContent()).toBe('Approved')
    // The row names the authors and opens with the dek, not only a cut title.
    expect(await row(page).locator('.article-row-authors').textContent()).toBe(NETFLIX.authors.join(', '))
    expect(await row(page).locator('.article-row-excerpt').textContent()).toContain(NETFLIX.dek.slice(0, 40))

    // The edit after approval: marked in the details and in the list, and publishing says so.
    await typeAfter(page, ' Three.', ' Unapproved words.')
    const notice = page.getByTestId('edited-since-approval')
    await notice.waitFor()
    await expect.poll(() => row(page).locator('.status-badge').textContent()).toBe('Approved · edited since approval')
    expect(await statusSelect(page).locator('option').allTextContents()).toEqual(['Approved (edited since approval)', '→ Published (not as approved)', '→ In review'])

    // The diff since approval is one click away, and opens at its top.
    await notice.getByRole('button', { name: 'What changed since approval' }).click()
    const diff = page.getByRole('dialog', { name: 'What changed' })
    await diff.waitFor()
    expect(await diff.locator('ins').allTextContents()).toContain('Unapproved words.')
    expect(await diff.locator('.review-muted').first().textContent()).toMatch(/^Changes since approval: from “Approved, /)
    expect(await diff.evaluate((el) => el.scrollTop)).toBe(0)
    await screenshot(page, 'approval-diff-1920')
    await diff.getByRole('button', { name: 'Close' }).click()

    // Publishing asks first; Cancel leaves it approved.
    await statusSelect(page).selectOption('published')
    const ask = page.getByRole('alertdialog', { name: 'Publish text that was not approved?' })
    await ask.waitFor()
    await ask.getByRole('button', { name: 'Cancel' }).click()
    await ask.waitFor({ state: 'hidden' })
    expect((await storedArticle(app, id)).status).toBe('approved')
    await expect.poll(() => statusSelect(page).inputValue()).toBe('approved')

    // The history: the seeded save, one session of three saves, two status marks, the session after approval.
    await openSection(page, 'Revisions')
    const history = page.getByRole('list', { name: 'Revisions' }).getByRole('listitem')
    await expect.poll(() => history.evaluateAll((items) => items.map((li) => li.getAttribute('data-revision-kind')))).toEqual(['save', 'status', 'status', 'save', 'save'])
    // At least the three bursts; on a busy machine slow typing also meets the 5 s autosave, which joins the same session.
    expect(Number(/(\d+) saves · Sam Ortiz/.exec((await history.nth(3).textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(3)
    expect(await history.nth(1).textContent()).toMatch(/^Approved, .* · Sam Ortiz/)
    await page.getByRole('button', { name: 'Changes since the last review' }).click()
    await diff.waitFor()
    expect(await diff.locator('ins').allTextContents()).toContain('Unapproved words.')
    await diff.getByRole('button', { name: 'Close' }).click()
    await screenshot(page, 'approval-inspector-1920')
    expect(await seriousViolations(page)).toEqual([])

    // Export warns.
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const exporting = page.getByRole('dialog', { name: 'Export as HTML' })
    await expect.poll(() => exporting.textContent(), { timeout: 60_000 }).toContain('was edited after it was approved')
    await exporting.getByRole('button', { name: 'Cancel' }).click()

    // On a laptop screen the details collapse by themselves; reopened, they show the mark.
    await page.setViewportSize({ width: 1024, height: 700 })
    const detailsButton = page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Details' })
    // The collapse follows the resize a moment later; clicking before it would be undone by it.
    await expect.poll(() => detailsButton.getAttribute('aria-pressed')).toBe('false')
    await detailsButton.click()
    await notice.waitFor()
    await notice.scrollIntoViewIfNeeded()
    await screenshot(page, 'approval-inspector-1024')
    await app.done()
  })

  it('moves across the toolbar with arrow keys as one tab stop, and creates promos from the picker, which follows promo changes', { timeout: 240_000 }, async () => {
    const app = await openEditorLibrary(browser, { articles: [editableFields(NETFLIX)], promos: [hostingPromo()] })
    const { page } = app
    const id = app.ids[0]!
    await page.setViewportSize({ width: 1024, height: 700 })
    await firstRunProfile(page, EDITOR, 'editor')
    await openArticle(page, NETFLIX.title)

    // The toolbar: one tab stop, arrows, Home and End, wrapping.
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')
    const inToolbar = () => page.evaluate(() => !!document.activeElement?.closest('[role="toolbar"]'))
    await expect.poll(() => toolbar.locator('[tabindex="0"]').count()).toBe(1)
    await toolbar.locator('[tabindex="0"]').focus()
    const first = await focusedName()
    await page.keyboard.press('ArrowRight')
    const second = await focusedName()
    expect(second).not.toBe(first)
    await page.keyboard.press('End')
    expect(await focusedName()).toBe('Export')
    await page.keyboard.press('ArrowRight')
    expect(await focusedName()).toBe(first)
    await page.keyboard.press('ArrowLeft')
    expect(await focusedName()).toBe('Export')
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowRight')
    expect(await focusedName()).toBe(second)
    expect(await toolbar.locator('[tabindex="0"]').count()).toBe(1)
    await page.keyboard.press('Tab')
    expect(await inToolbar()).toBe(false)
    await page.keyboard.press('Shift+Tab')
    expect(await focusedName()).toBe(second)

    // The picker follows a promo made in the manager while it is open.
    const slot = editorBody(page).locator('.promo-slot').first()
    await slot.getByRole('button', { name: 'Change promo' }).click()
    const picker = slot.locator('.promo-picker')
    await expect.poll(() => picker.getByRole('option').count()).toBe(1)
    await page.getByRole('button', { name: 'Promos' }).click()
    const manager = page.locator('dialog[open]')
    await manager.getByRole('button', { name: /New promo/ }).click()
    await manager.getByRole('textbox', { name: 'Name' }).fill('Spring VPN')
    await manager.getByRole('textbox', { name: 'Headline' }).fill('A VPN for spring')
    await manager.getByRole('textbox', { name: 'Link' }).fill('https://example.com/vpn')
    await manager.getByRole('textbox', { name: 'Call to action' }).fill('Get it')
    await manager.getByRole('button', { name: 'Create promo' }).click()
    await expect.poll(async () => (await promosOnDisk(app.libraryDir)).map((p) => p.name).sort()).toEqual([hostingPromo().name, 'Spring VPN'].sort())
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
    await expect.poll(() => picker.getByRole('option').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Spring VPN')]))

    // A promo created in the picker goes into the slot.
    await picker.getByRole('button', { name: 'New promo…' }).click()
    await picker.getByRole('textbox', { name: 'Name' }).fill('Autumn books')
    await picker.getByRole('textbox', { name: 'Headline' }).fill('Books for autumn')
    await picker.getByRole('textbox', { name: 'Link' }).fill('https://example.com/books')
    await picker.getByRole('textbox', { name: 'Call to action' }).fill('Read more')
    await screenshot(page, 'promo-picker-create-1024')
    await picker.getByRole('button', { name: 'Create promo' }).click()
    await expect.poll(() => slot.locator('.promo-slot-name').textContent()).toBe('Autumn books')
    await saveNow(page)
    const created = (await promosOnDisk(app.libraryDir)).find((p) => p.name === 'Autumn books')!
    await expect.poll(async () => JSON.stringify((await storedArticle(app, id)).body)).toContain(created.id)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await slot.scrollIntoViewIfNeeded()
    await screenshot(page, 'promo-picker-created-1920')
    await app.done()
  })
})
