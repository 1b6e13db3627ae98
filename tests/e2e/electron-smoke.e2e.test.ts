import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'

/** The Electron binary, or why it cannot run here (it is not downloaded in CI). */
function findElectron(): { path: string } | { reason: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string
    if (!existsSync(path)) return { reason: `the Electron binary is not installed (${path})` }
    if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
      return { reason: 'there is no display (run under xvfb-run to include it)' }
    }
    return { path }
  } catch (error) {
    return { reason: `the Electron binary is not installed (${(error as Error).message.split('\n')[0]})` }
  }
}

const found = findElectron()
if ('reason' in found) console.warn(`[electron smoke] SKIPPED: ${found.reason}`)

describe.skipIf('reason' in found)('Electron smoke', () => {
  it('launches the real app and opens the Copydesk window', async () => {
    const userData = await makeTempDir('copydesk-electron-')
    const app = await electron.launch({
      executablePath: (found as { path: string }).path,
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
