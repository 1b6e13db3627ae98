import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { promoState } from '../../src/shared/article/promo'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { openEditorLibrary, type EditorApp } from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields, promoInput, promosOnDisk } from './library-seed'
import { localDay } from '../../src/renderer/src/promos/today'

let browser: Browser
useBrowser((launched) => (browser = launched))

const HOSTING = hostingPromo()
const NETFLIX = netflixArticle().title

/** The app over a library with the Netflix article, which shows the "Hosting 75% off" promo twice. */
const openPromoLibrary = (): Promise<EditorApp> => openEditorLibrary(browser, { articles: [editableFields(netflixArticle())], promos: [HOSTING] })

const shows = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 60_000 })
const manager = (page: Page) => page.getByRole('dialog', { name: 'Promos' })
const listItem = (page: Page, name: string) => manager(page).getByRole('list', { name: 'Promos' }).getByRole('button').filter({ hasText: name })
const field = (page: Page, label: string) => manager(page).getByLabel(label, { exact: true })
const stateLabel = { active: 'Active', scheduled: 'Scheduled', expired: 'Expired' }

async function openManager(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Promos', exact: true }).click()
  await shows(listItem(page, HOSTING.name))
}

describe('promo manager in Chromium', () => {
  it('lists each promo with its state today and the articles that show it', async () => {
    const app = await openPromoLibrary()
    const { page } = app
    await openManager(page)
    const item = listItem(page, HOSTING.name)
    await expect(item.locator('.promo-state').textContent()).resolves.toBe(stateLabel[promoState(HOSTING, localDay())])
    await expect(item.textContent()).resolves.toContain('Used in 1 article')
    await shows(manager(page).getByRole('region', { name: 'Where this promo is used' }).getByRole('button', { name: NETFLIX }))

    // Following a usage opens that article in the editor and closes the manager.
    await manager(page).getByRole('region', { name: 'Where this promo is used' }).getByRole('button', { name: NETFLIX }).click()
    await expect.poll(() => manager(page).count()).toBe(0)
    await expect.poll(() => page.locator('[role=option][aria-selected=true]').textContent()).toContain(NETFLIX)
    await app.done()
  })

  it('edits a promo and creates one, refusing bad fields in plain words without writing them', async () => {
    const app = await openPromoLibrary()
    const { page, libraryDir } = app
    await openManager(page)

    await field(page, 'Headline').fill('Hosting 80% off, this week only')
    await manager(page).getByRole('button', { name: 'Save changes' }).click()
    await shows(manager(page).getByText(`Saved “${HOSTING.name}”.`))
    await expect.poll(async () => (await promosOnDisk(libraryDir)).find((p) => p.id === HOSTING.id)?.headline).toBe('Hosting 80% off, this week only')

    await manager(page).getByRole('button', { name: 'New promo' }).click()
    await expect(field(page, 'Label').inputValue()).resolves.toBe('Sponsored')
    await manager(page).getByRole('button', { name: 'Create promo' }).click()
    await shows(manager(page).getByText('Give the promo a name, so you can find it in the picker.'))
    await shows(manager(page).getByText('Write a headline.'))
    await shows(manager(page).getByText('Enter the address the promo links to.'))
    await expect(field(page, 'Name').evaluate((input) => input === document.activeElement)).resolves.toBe(true)

    await field(page, 'Name').fill('VPN spring deal')
    await field(page, 'Headline').fill('A faster VPN for half the price')
    await field(page, 'Call to action').fill('See the offer')
    await field(page, 'Link').fill('javascript:alert(1)')
    await field(page, 'Active from').fill('2099-03-01')
    await field(page, 'Active until').fill('2099-02-01')
    await manager(page).getByRole('button', { name: 'Create promo' }).click()
    await shows(manager(page).getByText('Enter a web address that starts with http:// or https://.'))
    await shows(manager(page).getByText('The end date is before the start date.'))
    expect((await promosOnDisk(libraryDir)).map((p) => p.name)).toEqual([HOSTING.name])

    await field(page, 'Link').fill('https://vpn.example.com/spring')
    await field(page, 'Active until').fill('2099-04-30')
    await manager(page).getByRole('button', { name: 'Create promo' }).click()
    await expect.poll(async () => (await promosOnDisk(libraryDir)).map((p) => p.name).sort()).toEqual([HOSTING.name, 'VPN spring deal'].sort())
    const created = (await promosOnDisk(libraryDir)).find((p) => p.name === 'VPN spring deal')!
    expect(created).toMatchObject({
      label: 'Sponsored',
      headline: 'A faster VPN for half the price',
      url: 'https://vpn.example.com/spring',
      cta: 'See the offer',
      activeFrom: '2099-03-01',
      activeUntil: '2099-04-30'
    })
    await expect(listItem(page, 'VPN spring deal').locator('.promo-state').textContent()).resolves.toBe('Scheduled')
    await app.done()
  })

  it('keeps a promo an article still shows, naming the article, and deletes an unused one after asking', async () => {
    const app = await openPromoLibrary()
    const { page, libraryDir } = app
    await app.services.library.savePromo({ ...promoInput(HOSTING), name: 'Old summer sale', activeFrom: '2024-06-01', activeUntil: '2024-08-31' })
    await openManager(page)

    await listItem(page, HOSTING.name).click()
    await manager(page).getByRole('button', { name: 'Delete promo…' }).click()
    const refusal = manager(page).getByRole('alert', { name: 'Promo not deleted' })
    await shows(refusal)
    await expect(refusal.textContent()).resolves.toContain(NETFLIX)
    await shows(refusal.getByRole('button', { name: NETFLIX }))
    expect((await promosOnDisk(libraryDir)).map((p) => p.id)).toContain(HOSTING.id)
    await screenshot(page, 'promo-manager-refusal-light')

    await app.settings.update({ theme: 'dark' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await listItem(page, 'Old summer sale').click()
    await expect(listItem(page, 'Old summer sale').locator('.promo-state').textContent()).resolves.toBe('Expired')
    await screenshot(page, 'promo-manager-dark')
    await manager(page).getByRole('button', { name: 'Delete promo…' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Old summer sale”?' })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect((await promosOnDisk(libraryDir)).map((p) => p.name)).toContain('Old summer sale')
    await manager(page).getByRole('button', { name: 'Delete promo…' }).click()
    await confirm.getByRole('button', { name: 'Delete promo' }).click()
    await expect.poll(async () => (await promosOnDisk(libraryDir)).map((p) => p.name)).toEqual([HOSTING.name])
    await shows(manager(page).getByText('Deleted “Old summer sale”.'))
    await app.done()
  })
})
