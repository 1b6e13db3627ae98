import { it } from 'vitest'
import { editorBody, focusBodyEnd, openArticle, openEditorLibrary } from '../editor-support'
import { launchBrowser, screenshot } from '../harness'

it('link debug', async () => {
  const browser = await launchBrowser()
  const app = await openEditorLibrary(browser, { articles: [{ title: 'Link test' }] })
  const { page } = app
  page.on('console', (m) => console.log('console:', m.type(), m.text()))
  await openArticle(page, 'Link test')
  await focusBodyEnd(page)
  await page.keyboard.type('Read the full report')
  for (let i = 0; i < 'full report'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Control+k')
  await page.waitForTimeout(300)
  await screenshot(page, 'debug-link-1')
  await page.getByRole('textbox', { name: 'Link address' }).fill('example.com/report')
  await page.keyboard.press('Enter')
  console.log('active1', await page.evaluate(() => document.activeElement?.className + ' ' + document.activeElement?.tagName))
  await page.waitForTimeout(300)
  console.log('active2', await page.evaluate(() => document.activeElement?.className + ' ' + document.activeElement?.tagName + ' ' + JSON.stringify(window.getSelection()?.toString())))
  await page.keyboard.press('End')
  console.log('after end', await page.evaluate(() => JSON.stringify(window.getSelection()?.toString())))
  await page.keyboard.press('Enter')
  await screenshot(page, 'debug-link-2')
  console.log(await editorBody(page).innerHTML())
  await app.done()
  await browser.close()
})
