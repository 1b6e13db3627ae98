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
      const window = await app.firstWindow()
      await window.waitForLoadState('domcontentloaded')
      expect(await window.title()).toBe('Copydesk')
      const isolated = await window.evaluate(() => typeof (window as { require?: unknown }).require === 'undefined')
      expect(isolated).toBe(true)
    } finally {
      await app.close()
      await userData.cleanup()
    }
  })
})
