import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { libraryPaths } from '../../src/main/library/layout'
import { statusLabels } from '../../src/shared/article/article'
import { hostingPromo, netflixArticle, relatedArticles } from '../fixtures/netflix'
import { makeTempDir } from '../support/temp-dir'
import { openEditorLibrary, type EditorApp } from './editor-support'
import { openApp, screenshot, useBrowser } from './harness'
import { articlesOnDisk, editableFields, seedLibrary, trashedIdsOnDisk, trashedOnDisk } from './library-seed'

let browser: Browser
useBrowser((launched) => (browser = launched))

const NETFLIX = netflixArticle().title
const [entrepreneurs, googleSkills] = relatedArticles()
const ENTREPRENEURS = entrepreneurs!.title
const GOOGLE = googleSkills!.title

/** The app over a library holding the three fixture articles, with distinct statuses and authors. */
const openFixtureLibrary = (): Promise<EditorApp> =>
  openEditorLibrary(browser, {
    articles: [editableFields(netflixArticle()), { ...editableFields(entrepreneurs!), status: 'in-review' }, { ...editableFields(googleSkills!), status: 'draft', authors: ['Ada Lovelace'] }],
    promos: [hostingPromo()]
  })

/** Waits for `locator` to be on screen; fails the test if it never shows. */
const shows = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 60_000 })
const list = (page: Page) => page.getByRole('listbox', { name: 'Articles' })
const row = (page: Page, title: string) => list(page).getByRole('option').filter({ hasText: title })
const shownTitles = (page: Page) => list(page).locator('.article-row-title').allTextContents()
const selectedIds = (page: Page) =>
  page.locator('[role=option][aria-selected=true]').evaluateAll((rows) => rows.map((r) => r.id.replace('article-option-', '')))
const liveTitles = async (dir: string) => (await articlesOnDisk(dir)).map((a) => a.title).sort()

describe('library sidebar in Chromium', () => {
  it('lists every article with its status and opens one by click or keyboard', async () => {
    const app = await openFixtureLibrary()
    const { page } = app
    await expect.poll(() => shownTitles(page)).toHaveLength(3)
    expect((await shownTitles(page)).sort()).toEqual(await liveTitles(app.libraryDir))
    await expect(row(page, ENTREPRENEURS).locator('.status-badge').textContent()).resolves.toBe(statusLabels['in-review'])
    await expect(row(page, NETFLIX).locator('.status-badge').textContent()).resolves.toBe(statusLabels.approved)
    await shows(page.getByText('3 articles'))

    // Newest first: they were created Netflix, Entrepreneurs, Google.
    expect(await shownTitles(page)).toEqual([GOOGLE, ENTREPRENEURS, NETFLIX])
    const idOf = async (title: string) => (await articlesOnDisk(app.libraryDir)).find((a) => a.title === title)!.id

    await row(page, NETFLIX).click()
    await expect.poll(() => selectedIds(page)).toEqual([await idOf(NETFLIX)])

    // The keyboard cursor moves without opening; Enter opens what it points at.
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => list(page).getAttribute('aria-activedescendant')).toBe(`article-option-${await idOf(ENTREPRENEURS)}`)
    expect(await selectedIds(page)).toEqual([await idOf(NETFLIX)])
    await page.keyboard.press('Enter')
    await expect.poll(() => selectedIds(page)).toEqual([await idOf(ENTREPRENEURS)])
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')
    await expect.poll(() => selectedIds(page)).toEqual([await idOf(GOOGLE)])
    // The window listed the library once as it opened, in its first answer (getWindowStart): nothing listed it again.
    const listings = app.calls.filter(
      (call) => call.channel.endsWith(':getWindowStart') || (call.channel.endsWith(':listArticles') && JSON.stringify(call.payload) === '{"sort":"updated"}')
    )
    expect(listings.map((call) => call.channel.split(':').pop())).toEqual(['getWindowStart'])
    await app.done()
  })

  it('creates, duplicates, trashes with undo, restores and empties the trash, each change on disk', async () => {
    const app = await openFixtureLibrary()
    const { page, libraryDir } = app
    await expect.poll(() => shownTitles(page)).toHaveLength(3)

    await page.getByRole('button', { name: 'New article' }).click()
    await expect.poll(async () => (await articlesOnDisk(libraryDir)).length).toBe(4)
    const created = (await articlesOnDisk(libraryDir)).find((a) => a.title === '')!
    expect(created.status).toBe('draft')
    await expect.poll(() => selectedIds(page)).toEqual([created.id])
    await expect(row(page, 'Untitled').count()).resolves.toBe(1)

    // The keyboard shortcut makes exactly one more article.
    await page.keyboard.press('Control+N')
    await expect.poll(async () => (await articlesOnDisk(libraryDir)).length).toBe(5)
    await expect.poll(() => shownTitles(page)).toHaveLength(5)

    await row(page, NETFLIX).click()
    await page.getByRole('button', { name: 'Duplicate' }).click()
    const copyTitle = `${NETFLIX} (copy)`
    await expect.poll(() => liveTitles(libraryDir)).toContain(copyTitle)
    const onDisk = await articlesOnDisk(libraryDir)
    const copy = onDisk.find((a) => a.title === copyTitle)!
    expect(copy.body).toEqual(onDisk.find((a) => a.title === NETFLIX)!.body)
    await expect.poll(() => selectedIds(page)).toEqual([copy.id])

    // Delete in the list moves the open article to the trash, and Undo brings it back.
    await list(page).focus()
    await page.keyboard.press('Delete')
    await expect.poll(() => trashedIdsOnDisk(libraryDir)).toEqual([copy.id])
    expect(await liveTitles(libraryDir)).not.toContain(copyTitle)
    await expect.poll(() => selectedIds(page)).toEqual([])
    await shows(page.getByText(`Moved “${copyTitle}” to the trash.`))
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => liveTitles(libraryDir)).toContain(copyTitle)
    expect(await trashedIdsOnDisk(libraryDir)).toEqual([])
    await expect.poll(() => selectedIds(page)).toEqual([copy.id])

    // Move to trash, then restore from the Trash view.
    await page.getByRole('button', { name: 'Move to trash' }).click()
    await expect.poll(() => trashedIdsOnDisk(libraryDir)).toEqual([copy.id])
    await page.getByRole('tab', { name: 'Trash' }).click()
    await page.getByRole('button', { name: `Restore “${copyTitle}”` }).click()
    await expect.poll(() => liveTitles(libraryDir)).toContain(copyTitle)
    await shows(page.getByText('The trash is empty.', { exact: false }))

    // Emptying asks first; Cancel keeps everything.
    await page.getByRole('tab', { name: 'Articles' }).click()
    await row(page, copyTitle).click()
    await page.getByRole('button', { name: 'Move to trash' }).click()
    await expect.poll(() => trashedIdsOnDisk(libraryDir)).toEqual([copy.id])
    await page.getByRole('tab', { name: 'Trash' }).click()
    await page.getByRole('button', { name: 'Empty trash…' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Empty the trash?' })
    await shows(confirm.getByText('1 article will be deleted for good'))
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(await trashedIdsOnDisk(libraryDir)).toEqual([copy.id])
    await page.getByRole('button', { name: 'Empty trash…' }).click()
    await confirm.getByRole('button', { name: 'Delete for good' }).click()
    await expect.poll(() => trashedIdsOnDisk(libraryDir)).toEqual([])
    await shows(page.getByText('The trash is empty.', { exact: false }))
    expect(await liveTitles(libraryDir)).not.toContain(copyTitle)
    await app.done()
  })

  it('keeps the words typed just before the open article is trashed', async () => {
    const app = await openFixtureLibrary()
    const { page, libraryDir } = app
    await expect.poll(() => shownTitles(page)).toHaveLength(3)
    await row(page, GOOGLE).click()
    const dek = page.getByRole('complementary', { name: 'Article details' }).getByLabel('Dek', { exact: true })
    await shows(dek)
    const id = (await articlesOnDisk(libraryDir)).find((a) => a.title === GOOGLE)!.id
    await dek.fill('Typed a moment before the delete key')
    await list(page).focus()
    await page.keyboard.press('Delete')
    await expect.poll(() => trashedIdsOnDisk(libraryDir)).toEqual([id])
    expect((await trashedOnDisk(libraryDir))[0]!.dek).toBe('Typed a moment before the delete key')
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await articlesOnDisk(libraryDir)).find((a) => a.id === id)?.dek).toBe('Typed a moment before the delete key')
    await app.done()
  })

  it('searches the full text with ranked excerpts and filters by status, tag and author', async () => {
    const app = await openFixtureLibrary()
    const { page } = app
    await expect.poll(() => shownTitles(page)).toHaveLength(3)
    const search = page.getByRole('searchbox', { name: 'Search articles' })

    // "Sora" only appears in the Netflix article's body and FAQ, never in a title.
    await search.fill('Sora')
    await expect.poll(() => shownTitles(page)).toEqual([NETFLIX])
    await shows(page.getByText('1 result for “Sora”'))
    const marks = await row(page, NETFLIX).locator('.article-row-excerpt mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every((mark) => mark.toLowerCase() === 'sora')).toBe(true)

    await search.fill('hajra')
    const ranked = (await app.services.library.listArticles({ query: 'hajra', sort: 'relevance' })).map((hit) => hit.title)
    await expect.poll(() => shownTitles(page)).toEqual(ranked)

    await search.fill('zzzunmatched')
    await shows(page.getByText('No articles match “zzzunmatched”', { exact: false }))
    await page.getByRole('button', { name: 'Clear search and filters' }).click()
    await expect.poll(() => shownTitles(page)).toHaveLength(3)

    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('in-review')
    await expect.poll(() => shownTitles(page)).toEqual([ENTREPRENEURS])
    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('')

    await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('AI')
    await expect.poll(async () => (await shownTitles(page)).sort()).toEqual([GOOGLE, NETFLIX].sort())
    await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('')

    await page.getByRole('combobox', { name: 'Filter by author' }).selectOption('Ada Lovelace')
    await expect.poll(() => shownTitles(page)).toEqual([GOOGLE])
    await page.getByRole('combobox', { name: 'Filter by author' }).selectOption('')

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title')
    await expect.poll(() => shownTitles(page)).toEqual([GOOGLE, NETFLIX, ENTREPRENEURS])
    await app.done()
  })

  it('follows the library it opens: from the recent list, and from Open with the folder main asks for', async () => {
    const temp = await makeTempDir('copydesk-other-libraries-')
    const other = join(temp.path, 'Client work')
    const third = join(temp.path, 'Archive')
    await seedLibrary(other, (library) => library.createArticle({ title: 'A client brief' }))
    await seedLibrary(third, (library) => library.createArticle({ title: 'An archived piece' }))
    const app = await openFixtureLibrary()
    const { page } = app
    app.services.chooseFolder = async () => third
    await expect.poll(() => shownTitles(page)).toHaveLength(3)
    await row(page, NETFLIX).click()

    await app.settings.update({ recentLibraries: [app.libraryDir, other] })
    await page.getByRole('combobox', { name: 'Recent libraries' }).selectOption({ label: `Client work — ${other}` })
    await expect.poll(() => shownTitles(page)).toEqual(['A client brief'])
    // The renderer named the folder by the handle main gave it, not by its path.
    expect(app.calls.filter((c) => c.channel === 'copydesk:openLibrary').map((c) => c.payload)).toEqual([{ folder: expect.stringMatching(/^[0-9a-f]{32}$/) }])
    await shows(page.getByRole('navigation', { name: 'Library' }).getByRole('heading', { name: 'Client work' }))
    // Nothing of the previous library stays open.
    expect(await selectedIds(page)).toEqual([])
    expect(app.settings.get().lastLibrary).toBe(other)

    await page.keyboard.press('Control+O')
    await expect.poll(() => shownTitles(page)).toEqual(['An archived piece'])
    expect(app.services.library.dir).toBe(third)
    expect(app.settings.get().recentLibraries.slice(0, 2)).toEqual([third, other])
    await app.done()
    await temp.cleanup()
  })

  it('answers the File menu and shows changes made outside the window', async () => {
    const app = await openFixtureLibrary()
    const { page, libraryDir } = app
    await expect.poll(() => shownTitles(page)).toHaveLength(3)

    await app.emit('menu', 'new-article')
    await expect.poll(async () => (await articlesOnDisk(libraryDir)).length).toBe(4)
    const created = (await articlesOnDisk(libraryDir)).find((a) => a.title === '')!
    await expect.poll(() => selectedIds(page)).toEqual([created.id])

    // The command line (or an import) writes to the library; main says so and the list follows.
    await app.services.library.createArticle({ title: 'Written from the command line' })
    await app.emit('libraryChanged', app.services.library.info())
    await shows(row(page, 'Written from the command line'))

    // Cancelling the folder dialog changes nothing.
    await app.emit('menu', 'open-library')
    await expect.poll(() => app.calls.filter((c) => c.channel === 'copydesk:openLibrary').length).toBe(1)
    expect(await shownTitles(page)).toHaveLength(5)
    expect(await selectedIds(page)).toEqual([created.id])
    await app.done()
  })

  it('tells the writer when the library had to be repaired on opening', async () => {
    const temp = await makeTempDir('copydesk-library-repair-')
    const dir = join(temp.path, 'Library')
    await seedLibrary(dir, (library) => library.createArticle({ title: 'Kept safe' }))
    await writeFile(libraryPaths(dir).index, '{"formatVersion":1,"articles":[{"id":')
    const app = await openApp(browser, { userDataDir: temp.path })
    const { page } = app
    const notices = page.getByRole('status', { name: 'Library notices' })
    await shows(notices.getByText('The library index was damaged', { exact: false }))
    await shows(row(page, 'Kept safe'))
    await notices.getByRole('button', { name: 'Dismiss library notices' }).click()
    await expect.poll(() => notices.count()).toBe(0)
    await app.close()
    await temp.cleanup()
  })

  it('looks right in light and dark', async () => {
    const app = await openFixtureLibrary()
    const { page } = app
    await expect.poll(() => shownTitles(page)).toHaveLength(3)
    await row(page, NETFLIX).click()
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('netflix')
    await expect.poll(() => row(page, NETFLIX).locator('.article-row-excerpt').count()).toBe(1)
    await app.settings.update({ theme: 'light' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light')
    await screenshot(page, 'library-light')
    await app.settings.update({ theme: 'dark' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await screenshot(page, 'library-dark')
    await app.done()
  })
})
