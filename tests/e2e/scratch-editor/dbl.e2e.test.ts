import { it } from 'vitest'
import { editorBody, openArticle, openEditorLibrary } from '../editor-support'
import { launchBrowser } from '../harness'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
it('dbl debug', async () => {
  const browser = await launchBrowser()
  const app = await openEditorLibrary(browser, { articles: [{ title: 'Blocks', body: { type: 'doc', content: ['Alpha', 'Click here please'].map(paragraph) } }] })
  const { page } = app
  await openArticle(page, 'Blocks')
  const pm = () => page.evaluate(() => { const e = (document.querySelector('.ProseMirror') as any).editor; return JSON.stringify({ sel: e.state.selection.toJSON(), dom: window.getSelection()!.toString() }) })
  await editorBody(page).getByText('Click here please').dblclick()
  for (let i = 0; i < 5; i++) { console.log('pm', i, await pm()); await page.waitForTimeout(200) }
  await editorBody(page).getByText('Click here please').click()
  await page.keyboard.press('Shift+Home')
  console.log('after shift-home', await pm())
  await page.waitForTimeout(400)
  console.log('bubble', await page.locator('.bubble-menu').count())
  await app.done()
  await browser.close()
})
