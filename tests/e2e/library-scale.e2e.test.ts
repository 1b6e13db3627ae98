import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needsTools } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'
import { openApp, useBrowser, type AppSession } from './harness'
import { articleOnDisk, seedManyArticles } from './library-seed'

const COUNT = 10_000
let browser: Browser
let temp: Awaited<ReturnType<typeof makeTempDir>>
const chromium = needsTools(['chromium'], 'Chromium end-to-end tests')
useBrowser((launched) => (browser = launched))
beforeAll(async () => {
  if (chromium.skip) return
  temp = await makeTempDir('copydesk-library-10k-')
  await seedManyArticles(join(temp.path, 'Library'), COUNT)
}, 120_000)
afterAll(() => temp?.cleanup())

const shows = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 60_000 })
const list = (page: Page) => page.getByRole('listbox', { name: 'Articles' })
const rows = (page: Page) => list(page).getByRole('option')
const row = (page: Page, title: string) => rows(page).filter({ hasText: title })

describe.skipIf(chromium.skip)('a 10,000-article library in the sidebar', () => {
  let app: AppSession
  beforeAll(async () => {
    app = await openApp(browser, { userDataDir: temp.path })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('keeps only the rows in view in the page, yet reaches the last article by keyboard and by scrolling', async () => {
    const { page } = app
    await shows(page.getByText('10,000 articles'))
    // Virtualized: a screenful of rows plus a few spare, whatever the library's size.
    expect(await rows(page).count()).toBeLessThan(40)
    expect(await rows(page).first().getAttribute('aria-setsize')).toBe(String(COUNT))

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title')
    await expect.poll(() => rows(page).first().locator('.article-row-title').textContent()).toBe('Seed article 00001')
    await rows(page).first().click()
    await page.keyboard.press('End')
    await shows(row(page, 'Seed article 10000'))
    expect(await rows(page).count()).toBeLessThan(40)
    await page.keyboard.press('Enter')
    const selected = (await page.locator('[role=option][aria-selected=true]').getAttribute('id'))!.replace('article-option-', '')
    expect((await articleOnDisk(app.libraryDir, selected)).title).toBe('Seed article 10000')

    await page.keyboard.press('Home')
    await shows(row(page, 'Seed article 00001'))
    await list(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await shows(row(page, 'Seed article 10000'))
    expect(await rows(page).count()).toBeLessThan(40)
  })

  it('finds one article among ten thousand by its title', async () => {
    const { page } = app
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('07777')
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('relevance')
    await expect.poll(() => rows(page).first().locator('.article-row-title').textContent(), { timeout: 60_000 }).toBe('Seed article 07777')
  })
})
