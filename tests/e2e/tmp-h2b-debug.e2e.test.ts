import { join } from 'node:path'
import { it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { fixtureLibrary } from '../main/site-export/fixture-library'
import { launchBrowser, openApp, screenshot } from './harness'
it('debug', async () => {
  const browser = await launchBrowser()
  const temp = await makeTempDir('dbg-')
  const library = await fixtureLibrary(join(temp.path, 'Library'))
  const app = await openApp(browser, { userDataDir: temp.path, library })
  app.page.on('console', (m) => console.log('console', m.type(), m.text()))
  console.log(await app.page.evaluate(() => typeof (window as any).copydesk + ' ' + Object.keys((window as any).copydesk ?? {}).length))
  await new Promise((r) => setTimeout(r, 3000))
  await screenshot(app.page, 'h2b-debug')
  console.log((await app.page.content()).slice(0, 3000))
  await app.emit('menu', 'export-site')
  await new Promise((r) => setTimeout(r, 1000))
  await screenshot(app.page, 'h2b-debug2')
  await app.close().catch((e) => console.log('close', e))
  await browser.close()
}, 60000)
