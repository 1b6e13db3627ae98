import { it } from 'vitest'
import { editorBody, focusBodyEnd, openArticle, openEditorLibrary, placeCursorIn } from '../editor-support'
import { launchBrowser, screenshot } from '../harness'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
it('faq debug', async () => {
  const browser = await launchBrowser()
  const app = await openEditorLibrary(browser, { articles: [{ title: 'F', body: { type: 'doc', content: [paragraph('Intro.'), { type: 'faq', attrs: { title: 'FAQs' }, content: [{ type: 'faqItem', content: [{ type: 'faqQuestion', content: [{ type: 'text', text: 'One?' }] }, { type: 'faqAnswer', content: [paragraph('Answer one')] }] }] }, paragraph('Text between.')] } }] })
  const { page } = app
  const pm = () => page.evaluate(() => { const e = (document.querySelector('.ProseMirror') as any).editor; const $f = e.state.selection.$from; return JSON.stringify({ pos: $f.pos, depth: $f.depth, parent: $f.parent.type.name, text: $f.parent.textContent }) })
  await openArticle(page, 'F')
  await placeCursorIn(page, 'Answer one')
  await page.keyboard.press('End')
  console.log('a', await pm())
  await page.keyboard.press('Enter')
  console.log('b', await pm())
  await page.keyboard.press('Enter')
  console.log('c', await pm(), await editorBody(page).locator('[data-type="faq-question"]').count())
  await focusBodyEnd(page)
  console.log('d', await pm())
  await page.keyboard.type('/promo')
  await page.waitForTimeout(300)
  await screenshot(page, 'debug-slash')
  await app.done()
  await browser.close()
})
