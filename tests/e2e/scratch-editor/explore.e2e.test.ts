import { join } from 'node:path'
import { it } from 'vitest'
import { openLibrary } from '../../../src/main/library/library'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { launchBrowser, openApp, screenshot } from '../harness'
import { editableFields, promoInput } from '../library-seed'

it('explore', async () => {
  const browser = await launchBrowser()
  const temp = await makeTempDir('copydesk-explore-')
  const library = await openLibrary(join(temp.path, 'Library'))
  const promo = hostingPromo()
  await library.savePromo(promoInput(promo), promo.id)
  await library.createArticle(editableFields(netflixArticle()))
  const app = await openApp(browser, { userDataDir: temp.path, library })
  const { page } = app
  page.on('console', (m) => console.log('console:', m.type(), m.text()))
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
  await page.reload()
  console.log('copydesk type', await page.evaluate(() => typeof window.copydesk))
  await page.waitForTimeout(2000)
  await screenshot(page, 'explore-start')
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().click({ timeout: 5000 })
  await page.locator('.article-body').waitFor()
  await page.waitForTimeout(500)
  await screenshot(page, 'explore-light')
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await page.waitForTimeout(300)
  await screenshot(page, 'explore-dark')
  await page.locator('.faq-block').first().scrollIntoViewIfNeeded()
  await screenshot(page, 'explore-faq-dark')
  await app.close()
  await temp.cleanup()
  await browser.close()
})
