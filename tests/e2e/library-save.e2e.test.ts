import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { netflixArticle, relatedArticles } from '../fixtures/netflix'
import { openArticle, openEditorLibrary, titleField, waitUntilSaved, type EditorApp } from './editor-support'
import { useBrowser } from './harness'
import { editableFields } from './library-seed'
import { firstRunProfile, openSection } from './review-support'

let browser: Browser
useBrowser((launched) => (browser = launched))

const NETFLIX = netflixArticle().title
const list = (page: Page) => page.getByRole('listbox', { name: 'Articles' })
const shownTitles = (page: Page) => list(page).locator('.article-row-title').allTextContents()
const tagChoices = (page: Page) => page.getByRole('combobox', { name: 'Filter by tag' }).locator('option').allTextContents()
const details = (page: Page) => page.getByRole('complementary', { name: 'Article details' })

/** The listArticles requests the renderer made from the `from`th IPC call on. */
const listRequests = (app: EditorApp, from: number) => app.calls.slice(from).filter((call) => call.channel === 'copydesk:listArticles')
const saves = (app: EditorApp, from: number) => app.calls.slice(from).filter((call) => call.channel === 'copydesk:saveArticle')
/** The sidebar's own list requests: the inspector asks for its pickers' list, by title, each time it loads an article. */
const sidebarListRequests = (app: EditorApp, from: number) =>
  listRequests(app, from).filter((call) => JSON.stringify(call.payload) !== JSON.stringify({ sort: 'title' }))
const row = (page: Page, title: string) => list(page).getByRole('option').filter({ hasText: title })

/** Five articles, Netflix the oldest: newest first, it is the last row. */
const openFiveArticles = (): Promise<EditorApp> =>
  openEditorLibrary(browser, {
    articles: [...[netflixArticle(), ...relatedArticles()].map(editableFields), { title: 'Quarterly budget notes' }, { title: 'Zoning board minutes' }]
  })

/** Opens the Netflix article and waits for the inspector's own list of the library (its tag suggestions), which opening asks for. */
async function openNetflix(app: EditorApp): Promise<void> {
  await expect.poll(() => shownTitles(app.page)).toHaveLength(5)
  expect((await shownTitles(app.page)).at(-1)).toBe(NETFLIX)
  await openArticle(app.page, NETFLIX)
  await expect.poll(() => details(app.page).locator('datalist option[value="Entrepreneurship"]').count()).toBe(1)
}

describe('the sidebar after an autosave', () => {
  it('shows the saved title and tags in place, without listing the whole library again', async () => {
    const app = await openFiveArticles()
    const { page } = app
    await openNetflix(app)

    let mark = app.calls.length
    await titleField(page).fill('Netflix opens its own AI studio')
    await waitUntilSaved(page)
    // Newest first: the article just saved goes to the top.
    await expect.poll(() => shownTitles(page)).toEqual([
      'Netflix opens its own AI studio',
      'Zoning board minutes',
      'Quarterly budget notes',
      relatedArticles()[1]!.title,
      relatedArticles()[0]!.title
    ])
    expect(saves(app, mark).length).toBeGreaterThan(0)
    expect(listRequests(app, mark)).toEqual([])

    mark = app.calls.length
    expect(await tagChoices(page)).not.toContain('Streaming wars')
    await details(page).getByLabel('Tags').fill('Streaming wars')
    await details(page).getByLabel('Tags').press('Enter')
    await waitUntilSaved(page)
    await expect.poll(() => tagChoices(page)).toContain('Streaming wars')
    expect(saves(app, mark).length).toBeGreaterThan(0)
    expect(listRequests(app, mark)).toEqual([])

    // The new tag filters as any other: the library agrees the article has it.
    await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('Streaming wars')
    await expect.poll(() => shownTitles(page)).toEqual(['Netflix opens its own AI studio'])
    await app.done()
  })

  it('moves a retitled article to its place by title, as the library would list it', async () => {
    const app = await openFiveArticles()
    const { page } = app
    await openNetflix(app)
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title')
    await expect.poll(async () => (await shownTitles(page))[0]).toBe(relatedArticles()[1]!.title)

    const mark = app.calls.length
    await titleField(page).fill('Rivals watch Netflix bet on AI')
    await waitUntilSaved(page)
    const byTitle = (await app.services.library.listArticles({ sort: 'title' })).map((hit) => hit.title)
    expect(byTitle.indexOf('Rivals watch Netflix bet on AI')).toBe(2)
    await expect.poll(() => shownTitles(page)).toEqual(byTitle)
    expect(listRequests(app, mark)).toEqual([])
    await app.done()
  })
})

describe('the sidebar after the library changed the open article', () => {
  it('shows the title of a restored revision, without listing the whole library again', async () => {
    const app = await openFiveArticles()
    const { page } = app
    await openNetflix(app)
    await openSection(page, 'Revisions')
    await page.getByRole('textbox', { name: 'Snapshot name' }).fill('As filed')
    await page.getByRole('button', { name: 'Take snapshot' }).click()
    await page.getByRole('button', { name: 'Restore As filed' }).waitFor()
    await titleField(page).fill('Netflix opens its own AI studio')
    await waitUntilSaved(page)
    await expect.poll(async () => (await shownTitles(page))[0]).toBe('Netflix opens its own AI studio')

    const mark = app.calls.length
    await page.getByRole('button', { name: 'Restore As filed' }).click()
    await page.getByRole('alertdialog', { name: 'Restore this version?' }).getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => titleField(page).inputValue()).toBe(NETFLIX)
    // The restore is the newest change: the row keeps the top and shows the title brought back.
    await expect.poll(() => shownTitles(page)).toEqual([NETFLIX, 'Zoning board minutes', 'Quarterly budget notes', relatedArticles()[1]!.title, relatedArticles()[0]!.title])
    const restored = (await app.services.library.listArticles({})).find((hit) => hit.title === NETFLIX)!
    expect(await row(page, NETFLIX).locator('time').getAttribute('datetime')).toBe(restored.updatedAt)
    expect(app.calls.slice(mark).filter((call) => call.channel === 'copydesk:restoreRevision')).toHaveLength(1)
    expect(sidebarListRequests(app, mark)).toEqual([])
    await app.done()
  })

  it('shows a status step on the row and moves it to the top, without listing the whole library again', async () => {
    const app = await openFiveArticles()
    const { page } = app
    await firstRunProfile(page, 'Hajra Naz', 'writer')
    await openNetflix(app)
    // The fixture is approved; anyone may send an approved article back for review.
    await expect.poll(() => row(page, NETFLIX).locator('.status-badge').textContent()).toBe('Approved')

    const mark = app.calls.length
    await details(page).getByRole('combobox', { name: 'Status' }).selectOption('in-review')
    await expect.poll(() => row(page, NETFLIX).locator('.status-badge').textContent()).toBe('In review')
    expect((await shownTitles(page))[0]).toBe(NETFLIX)
    expect((await app.services.library.getArticle(app.ids[0]!)).status).toBe('in-review')
    expect(sidebarListRequests(app, mark)).toEqual([])

    // The status filter agrees with the row it now shows.
    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('in-review')
    await expect.poll(() => shownTitles(page)).toEqual([NETFLIX])
    await app.done()
  })
})
