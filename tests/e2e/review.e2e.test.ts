import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { bodyText } from '../../src/shared/article/body'
import type { BodyDoc } from '../../src/shared/article/body'
import { findSuggestions } from '../../src/shared/review/find-suggestions'
import { commentAnchors } from '../../src/shared/review/comment-anchors'
import { toProseMirror } from '../../src/shared/schema/to-prosemirror'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { readChecklistConfig } from '../../src/main/library/review-checklist'
import { makeTempDir } from '../support/temp-dir'
import { editorBody, nodesOf, openArticle, pressKeys, storedArticle, textOf, saveNow } from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields } from './library-seed'
import { firstRunProfile, openReviewLibrary, openSection, selectText, switchProfile } from './review-support'

let browser: Browser
useBrowser((launched) => (browser = launched))

const NETFLIX = netflixArticle()
const draft = { ...editableFields(NETFLIX), status: 'draft' as const }
const WRITER = 'Hajra Naz'
const EDITOR = 'Sam Ortiz'
const WRITERS_SENTENCE = ' Subscribers will not notice the tools.'
const COMMENTED = 'moving forward with its own approach'
const REPLACED = 'center'
const FAQ_END = 'rather than to replace writers or actors.'

const suggestionsIn = (body: BodyDoc) => findSuggestions(toProseMirror(body))
const faqAnswers = (body: BodyDoc) => nodesOf(body, 'faqAnswer').map(textOf)

const statusSelect = (page: Page) => page.getByRole('complementary', { name: 'Article details' }).getByRole('combobox', { name: 'Status' })

async function setStatus(page: Page, to: string): Promise<void> {
  await statusSelect(page).selectOption(to)
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme)
}

describe('editorial review in Chromium', () => {
  it('takes an article from the writer to the editor and back, to approval, and carries the review to another library', { timeout: 240_000 }, async () => {
    const bundles = await makeTempDir('copydesk-review-bundles-')
    const a = await openReviewLibrary(browser, { articles: [draft], promos: [hostingPromo()] }, bundles.path)
    const { page } = a
    const id = a.ids[0]!

    // First run: nothing can be signed until the profile is set.
    await page.getByRole('dialog', { name: 'Who is working here?' }).waitFor()
    await screenshot(page, 'review-first-run-light')
    await firstRunProfile(page, WRITER, 'writer')
    expect(a.settings.get().profile).toEqual({ name: WRITER, role: 'writer' })

    // The writer writes, then sends the article for review.
    await openArticle(page, NETFLIX.title)
    await selectText(page, 'make creative teams more efficient.')
    await pressKeys(page, 'ArrowRight')
    await page.keyboard.type(WRITERS_SENTENCE)
    await saveNow(page)
    const statusChoices = await statusSelect(page).locator('option').allTextContents()
    expect(statusChoices).toEqual(['Draft', '→ In review'])
    await setStatus(page, 'in-review')
    await expect.poll(async () => (await storedArticle(a, id)).status).toBe('in-review')

    // The editor comments on a range of words…
    await switchProfile(page, EDITOR, 'editor')
    expect(await statusSelect(page).locator('option').allTextContents()).toEqual([
      'In review',
      '→ Changes requested',
      '→ Approved',
      '→ Draft'
    ])
    await selectText(page, COMMENTED)
    await page.keyboard.press('Control+Alt+m')
    const composer = page.getByRole('form', { name: 'New comment' })
    await composer.getByRole('textbox', { name: 'Comment' }).fill('Which tools exactly? Name one.')
    await composer.getByRole('button', { name: 'Comment' }).click()
    const thread = page.getByRole('article', { name: new RegExp(`^Comment by ${EDITOR}`) })
    await thread.waitFor()
    await expect.poll(() => editorBody(page).locator('span.review-comment').textContent()).toBe(COMMENTED)

    // …and makes two suggestions in suggestion mode, one inside an FAQ answer.
    await page.keyboard.press('Control+Alt+s')
    await expect.poll(() => page.getByRole('button', { name: 'Suggestion mode' }).getAttribute('aria-pressed')).toBe('true')
    await selectText(page, REPLACED)
    await page.keyboard.type('heart')
    await selectText(page, FAQ_END)
    await pressKeys(page, 'ArrowRight')
    await page.keyboard.type(' Dubbing too.')
    await expect.poll(() => editorBody(page).locator('ins.review-insert').allTextContents()).toEqual(['heart', ' Dubbing too.'])
    await expect.poll(() => editorBody(page).locator('del.review-delete').allTextContents()).toEqual([REPLACED])
    expect(await editorBody(page).locator('ins.review-insert').first().getAttribute('title')).toMatch(new RegExp(`^Added by ${EDITOR} \\(Editor\\), `))
    // Text typed around the comment keeps the comment on its words.
    await expect.poll(() => editorBody(page).locator('span.review-comment').textContent()).toBe(COMMENTED)
    await page.getByRole('button', { name: 'Suggestion mode' }).click()
    await saveNow(page)

    const reviewed = await storedArticle(a, id)
    expect(suggestionsIn(reviewed.body).map((s) => [s.author, s.role, s.deleted, s.inserted])).toEqual([
      [EDITOR, 'editor', REPLACED, 'heart'],
      [EDITOR, 'editor', '', ' Dubbing too.']
    ])
    expect(reviewed.comments).toMatchObject([{ quote: COMMENTED, messages: [{ author: { name: EDITOR, role: 'editor' }, text: 'Which tools exactly? Name one.' }], resolution: null }])
    expect(commentAnchors(toProseMirror(reviewed.body)).map((anchor) => anchor.text)).toEqual([COMMENTED])
    await setTheme(page, 'light')
    await screenshot(page, 'review-suggestions-light')

    // The editor sends the review as a bundle before the writer decides.
    await openSection(page, 'Review bundle')
    await page.getByRole('button', { name: 'Export review bundle…' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved to' }).waitFor()
    const [bundleFile] = await readdir(bundles.path)
    expect(bundleFile).toBe(`${NETFLIX.slug}-review.json`)
    const reviewBundle = join(bundles.path, bundleFile!)

    // The writer accepts one suggestion from the list, rejects the other in the text, answers and resolves the comment.
    await switchProfile(page, WRITER, 'writer')
    await openSection(page, 'Suggestions')
    await page.getByRole('button', { name: `Accept ${EDITOR}: replace “${REPLACED}” with “heart”` }).click()
    await editorBody(page).locator('ins.review-insert', { hasText: 'Dubbing too.' }).click()
    const popover = page.getByRole('dialog', { name: 'Suggestion' })
    await expect.poll(() => popover.textContent()).toContain(`${EDITOR} (Editor`)
    await popover.getByRole('button', { name: 'Reject' }).click()
    await expect.poll(() => editorBody(page).locator('ins.review-insert, del.review-delete').count()).toBe(0)
    await thread.getByRole('textbox', { name: 'Reply' }).fill('Visual effects and pre-visualisation; added to the FAQ.')
    await thread.getByRole('button', { name: 'Reply' }).click()
    await thread.getByRole('button', { name: 'Resolve' }).click()
    await thread.waitFor({ state: 'hidden' })
    // A resolved thread hidden from the rail leaves no highlight on its words; shown again, they are marked again.
    const commented = editorBody(page).locator('span.review-comment', { hasText: COMMENTED })
    const highlight = () => commented.evaluate((span) => getComputedStyle(span).borderBottomStyle)
    await expect.poll(highlight).toBe('none')
    await page.getByRole('checkbox', { name: /Show resolved/ }).check()
    await expect.poll(() => thread.textContent()).toContain(`Resolved by ${WRITER}`)
    await expect.poll(highlight).toBe('solid')
    await saveNow(page)

    const decided = await storedArticle(a, id)
    expect(suggestionsIn(decided.body)).toEqual([])
    expect(bodyText(decided.body)).toContain(`more efficient.${WRITERS_SENTENCE}`)
    expect(textOf(nodesOf(decided.body, 'paragraph')[1]!)).toContain('the heart of its content creation')
    expect(faqAnswers(decided.body)[0]).toMatch(/writers or actors\.$/)
    expect(decided.suggestionDecisions?.map((d) => [d.decision, d.by.name, d.suggestedBy, d.deleted, d.inserted])).toEqual([
      ['accepted', WRITER, EDITOR, REPLACED, 'heart'],
      ['rejected', WRITER, EDITOR, '', ' Dubbing too.']
    ])
    expect(decided.comments).toMatchObject([
      { messages: [{ author: { name: EDITOR } }, { author: { name: WRITER }, text: 'Visual effects and pre-visualisation; added to the FAQ.' }], resolution: { resolved: true, by: { name: WRITER } } }
    ])

    // The editor raises the library's word count bar, so approving needs an override note.
    await switchProfile(page, EDITOR, 'editor')
    await openSection(page, 'Ready to publish?')
    await expect.poll(() => page.locator('.checklist-verdict').textContent()).toBe('Yes: it passes every check.')
    await page.getByRole('button', { name: 'Review settings…' }).click()
    const checklistSettings = page.getByRole('dialog', { name: 'Review settings for this library' })
    await checklistSettings.getByRole('spinbutton', { name: /At least/ }).fill('1000')
    await checklistSettings.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => page.locator('.checklist-verdict').textContent()).toBe('Not yet: 1 to fix.')
    expect((await readChecklistConfig(a.libraryDir)).minimumWords).toEqual({ enabled: true, min: 1000 })

    await setStatus(page, 'approved')
    const approve = page.getByRole('dialog', { name: 'Approve this article?' })
    await expect.poll(() => approve.locator('.checklist-items li.is-failed').allTextContents()).toEqual([expect.stringMatching(/^✗Word count: failed/)])
    expect(await approve.getByRole('button', { name: 'Approve anyway' }).isDisabled()).toBe(true)
    const override = 'A short news piece: the desk wants it out today.'
    await approve.getByRole('textbox', { name: /Why approve it anyway/ }).fill(override)
    await screenshot(page, 'review-approve-light')
    await approve.getByRole('button', { name: 'Approve anyway' }).click()
    await approve.waitFor({ state: 'hidden' })
    const approved = await storedArticle(a, id)
    expect(approved.status).toBe('approved')
    expect(approved.statusHistory?.map((change) => [change.from, change.to, change.by.name, change.by.role])).toEqual([
      ['draft', 'in-review', WRITER, 'writer'],
      ['in-review', 'approved', EDITOR, 'editor']
    ])
    expect(approved.statusHistory?.[1]).toMatchObject({ note: override, overriddenChecks: ['word-count'] })
    await openSection(page, 'Status history')
    const history = page.getByRole('list', { name: 'Workflow history' })
    await expect.poll(() => history.locator('li').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^In review → Approved${EDITOR} \\(Editor\\).*“${override}”Approved despite one failed check\\.$`)),
      expect.stringMatching(new RegExp(`^Draft → In review${WRITER} \\(Writer\\)`))
    ])

    // The diff between the first and the last revision shows the writer's words and the accepted change, in place.
    await openSection(page, 'Revisions')
    const revisions = page.getByRole('list', { name: 'Revisions' }).getByRole('checkbox')
    await revisions.last().check()
    await revisions.first().check()
    await page.getByRole('button', { name: 'Compare selected' }).click()
    const diff = page.getByRole('dialog', { name: 'What changed' })
    await expect.poll(() => diff.locator('ins.diff-added').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('heart'), expect.stringContaining('Subscribers will not notice')]))
    expect(await diff.locator('del.diff-removed').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(REPLACED)]))
    expect(await diff.textContent()).not.toContain('Dubbing')
    await screenshot(page, 'review-diff-light')
    await setTheme(page, 'dark')
    await screenshot(page, 'review-diff-dark')
    await diff.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('checkbox', { name: /Show resolved/ }).check()
    await screenshot(page, 'review-resolved-dark')

    // Another library (another computer) gets the editor's bundle: the article arrives with its comment and suggestions.
    const b = await openReviewLibrary(browser, { articles: [] }, bundles.path)
    await firstRunProfile(b.page, 'Lee Park', 'writer')
    await importBundle(b.page, reviewBundle)
    const report = b.page.getByRole('dialog', { name: 'Review bundle imported' })
    await expect.poll(() => report.textContent()).toContain('Added to this library with its comments and suggestions.')
    await report.getByRole('button', { name: 'Close' }).click()
    await openArticle(b.page, NETFLIX.title)
    await expect.poll(() => editorBody(b.page).locator('ins.review-insert').allTextContents()).toEqual(['heart', ' Dubbing too.'])
    // Beside the library and the details at 1280 px the comments wait behind their button.
    await b.page.getByRole('button', { name: /^Comments \(1\)/ }).click()
    await b.page.getByRole('article', { name: new RegExp(`^Comment by ${EDITOR}`) }).waitFor()
    const arrived = await storedArticle(b, id)
    expect(suggestionsIn(arrived.body)).toHaveLength(2)
    expect(arrived.comments).toHaveLength(1)
    await setTheme(b.page, 'dark')
    await screenshot(b.page, 'review-bundle-arrived-dark')

    // The approved article's bundle disagrees on the status here: the conflict is listed and nothing is overwritten.
    await openSection(page, 'Review bundle')
    await page.getByRole('button', { name: 'Export review bundle…' }).click()
    const bundledStatus = async () => (JSON.parse(await readFile(reviewBundle, 'utf8')) as { articles: { article: { status: string } }[] }).articles[0]!.article.status
    await expect.poll(bundledStatus).toBe('approved')
    const callsBeforeImport = b.calls.length
    await importBundle(b.page, reviewBundle)
    await expect.poll(() => report.getByRole('list', { name: 'Conflicts' }).textContent()).toContain('In the bundle this article is “Approved”')
    await screenshot(b.page, 'review-bundle-conflict-dark')
    await report.getByRole('button', { name: 'Close' }).click()
    const merged = await storedArticle(b, id)
    expect(merged.status).toBe('in-review')
    expect(merged.suggestionDecisions?.map((d) => d.decision)).toEqual(['accepted', 'rejected'])
    expect(suggestionsIn(merged.body)).toEqual([])
    expect(merged.comments?.[0]?.resolution?.resolved).toBe(true)
    // The open editor shows the merged article, not its copy from before the import.
    await expect
      .poll(() => editorBody(b.page).locator('ins.review-insert').count())
      .toBe(0)
      .catch(async (error: Error) => {
        // Seen once in CI and not since: what the library holds by then, and what the window asked of it after the import.
        const now = await storedArticle(b, id)
        const asked = b.calls.slice(callsBeforeImport).map((call) => call.channel)
        throw new Error(`${error.message}; the library's copy now has ${suggestionsIn(now.body).length} suggestions; asked since the import: ${asked.join(', ')}`)
      })

    await b.done()
    await a.done()
    await bundles.cleanup()
  })
})

async function importBundle(page: Page, file: string): Promise<void> {
  await page.getByLabel('Review bundle file').setInputFiles(file)
}
