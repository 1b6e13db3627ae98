import { it } from 'vitest'
import { editorBody, openArticle, openEditorLibrary } from '../editor-support'
import { launchBrowser, screenshot } from '../harness'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
it('move debug', async () => {
  const browser = await launchBrowser()
  const app = await openEditorLibrary(browser, { articles: [{ title: 'Blocks', body: { type: 'doc', content: ['Alpha', 'Bravo', 'Charlie', 'Click here please'].map(paragraph) } }] })
  const { page } = app
  page.on('console', (m) => console.log('console:', m.type(), m.text()))
  await openArticle(page, 'Blocks')
  await editorBody(page).getByText('Charlie').click()
  const sel = () => page.evaluate(() => { const s = window.getSelection()!; return `${s.anchorNode?.textContent}@${s.anchorOffset} active=${document.activeElement?.className}` })
  console.log('sel0', await sel())
  await page.keyboard.press('Alt+Shift+ArrowUp')
  console.log('sel1', await sel(), await editorBody(page).locator('> p').allTextContents())
  await page.keyboard.press('Alt+Shift+ArrowUp')
  console.log('sel2', await sel(), await editorBody(page).locator('> p').allTextContents())
  await editorBody(page).getByText('Click here please').dblclick()
  await page.waitForTimeout(600)
  console.log('pm', await page.evaluate(() => { const e = (document.querySelector('.ProseMirror') as any).editor; return JSON.stringify({ sel: e.state.selection.toJSON(), focused: e.isFocused, plugins: e.state.plugins.map((p: any) => p.key) }) }))
  await screenshot(page, 'debug-bubble')
  console.log('bubble', await page.locator('.bubble-menu').count(), await page.evaluate(() => [...document.querySelectorAll('.bubble-menu')].map(e => e.outerHTML.slice(0, 200))))
  await app.done()
  await browser.close()
})
