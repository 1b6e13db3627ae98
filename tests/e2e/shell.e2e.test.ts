import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp, screenshot, useBrowser } from './harness'

let browser: Browser
useBrowser((launched) => (browser = launched))

describe('workstation shell in Chromium', () => {
  it('shows the library, editor, inspector and status bar a writer expects', async () => {
    const app = await openApp(browser)
    const { page } = app
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe('Copydesk 0.0.0-test')
    await expect(page.getByRole('navigation', { name: 'Library' }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('main', { name: 'Editor' }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('complementary', { name: 'Article details' }).isVisible()).resolves.toBe(true)
    // The renderer gets the typed API and nothing of Electron's.
    const surface = await page.evaluate(() => ({
      api: Object.keys(window.copydesk).sort(),
      hasRequire: 'require' in window,
      hasIpc: 'ipcRenderer' in window
    }))
    expect(surface.api).toEqual(expect.arrayContaining(['getAppInfo', 'getSettings', 'updateSettings', 'on']))
    expect(surface).toMatchObject({ hasRequire: false, hasIpc: false })
    await screenshot(page, 'shell-light')
    await app.close()
  })

  it('switches to dark mode, remembers it on disk, and keeps it after a reload', async () => {
    const app = await openApp(browser)
    const { page } = app
    const theme = page.getByRole('combobox', { name: 'Theme' })
    await theme.selectOption('dark')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(28, 28, 30)')
    const onDisk = JSON.parse(await readFile(join(app.userDataDir, 'settings.json'), 'utf8')) as { theme: string }
    expect(onDisk.theme).toBe('dark')
    await screenshot(page, 'shell-dark')

    await page.reload()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await app.close()
  })

  it('answers a malformed payload with a clear error and writes nothing', async () => {
    const app = await openApp(browser)
    const { page } = app
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light')
    await expect.poll(() => app.settings.get().theme).toBe('light')
    const file = join(app.userDataDir, 'settings.json')
    const before = await readFile(file, 'utf8')

    const result = await page.evaluate(() =>
      // Deliberately bypass the types, as a compromised or buggy renderer would.
      (window.copydesk.updateSettings as (p: unknown) => Promise<unknown>)({ theme: 'neon', window: { x: 0 } })
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('nothing was changed') }
    })
    expect(JSON.stringify(result)).toContain('theme')
    expect(await readFile(file, 'utf8')).toBe(before)
    await app.close()
  })

  it('shows what went wrong instead of a blank window when a view crashes, and recovers', async () => {
    const app = await openApp(browser)
    const { page } = app
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe('Copydesk 0.0.0-test')
    // A fault inside rendering: the library row formats its time with this.
    await page.evaluate(() => {
      // `format` is a getter that hands out a bound function.
      const proto = Intl.DateTimeFormat.prototype
      const original = Object.getOwnPropertyDescriptor(proto, 'format')!
      ;(window as unknown as { restoreClock: () => void }).restoreClock = () => {
        Object.defineProperty(proto, 'format', original)
      }
      Object.defineProperty(proto, 'format', {
        configurable: true,
        get: () => () => {
          throw new Error('Clock exploded')
        }
      })
    })
    await page.getByRole('button', { name: 'New article' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Copydesk hit a problem' })
    await expect.poll(() => alert.isVisible()).toBe(true)
    expect(await alert.textContent()).toContain('Clock exploded')
    await screenshot(page, 'shell-crash')

    await page.evaluate(() => (window as unknown as { restoreClock: () => void }).restoreClock())
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => page.getByRole('navigation', { name: 'Library' }).isVisible()).toBe(true)
    // The article created just before the crash was saved, and is listed again.
    expect((await app.services.library.listArticles({})).length).toBe(1)
    await app.close()
  })
})
