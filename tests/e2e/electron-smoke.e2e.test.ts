import { resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { findTool, needsTools } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'

describe('Electron smoke', () => {
  // Electron's program is not downloaded where installs set ELECTRON_SKIP_BINARY_DOWNLOAD (this CI): skipped there, saying why.
  needsTools(['electron', 'display'], 'Electron smoke')
  it('launches the real app and opens the Copydesk window', async () => {
    const userData = await makeTempDir('copydesk-electron-')
    const app = await electron.launch({
      executablePath: findTool('electron'),
      args: [resolve(import.meta.dirname, '../..'), ...(process.env['CI'] ? ['--no-sandbox'] : [])],
      env: { ...process.env, COPYDESK_USER_DATA: userData.path }
    })
    try {
      const page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
      expect(await page.title()).toBe('Copydesk')
      // Sandboxed, isolated renderer: no Node globals, only the typed API.
      const surface = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        api: typeof window.copydesk.getAppInfo
      }))
      expect(surface).toEqual({ require: 'undefined', process: 'undefined', api: 'function' })
      // Navigation away from the app is refused.
      const before = page.url()
      await page.evaluate(() => window.location.assign('https://example.com/'))
      await page.waitForTimeout(300)
      expect(page.url()).toBe(before)
    } finally {
      await app.close()
      await userData.cleanup()
    }
  })
})
