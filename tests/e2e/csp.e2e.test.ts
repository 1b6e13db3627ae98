import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { rendererCsp } from '../../src/shared/csp'
import { firstLoadScripts } from '../support/renderer-build'
import { openApp, rendererDir, useBrowser } from './harness'

let browser: Browser
useBrowser((launched) => (browser = launched))

type Watched = Window & { __cspViolations: string[] }

/**
 * The harness serves every page with main's CSP header and fails any test
 * whose page reports a violation, so every end-to-end test of the editor is
 * also a test that it works under this policy. Here: that the policy is the
 * one main sends, that the built page carries it as a backstop, and that it
 * really refuses what a hostile document would try.
 */
describe('the renderer under its Content Security Policy, in Chromium', () => {
  it('is served with the policy as a header and as a meta tag, both exactly the shared one, and lets in the chunks loaded later', async () => {
    const app = await openApp(browser)
    const { page } = app
    const response = await page.reload()
    expect(response?.headers()['content-security-policy']).toBe(rendererCsp)
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(rendererCsp)
    // The editor is up and takes typing under it.
    const body = page.getByRole('textbox', { name: 'Article body' })
    await page.getByRole('button', { name: /new article/i }).first().click()
    await body.waitFor({ state: 'visible' })
    await body.click()
    await page.keyboard.type('Typed under a strict policy')
    await expect.poll(() => body.textContent()).toContain('Typed under a strict policy')
    // The editor's code came in chunks of its own, after the scripts index.html names: from the app, which 'self' allows.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.endsWith('.js')))
    expect(loaded.length).toBeGreaterThan((await firstLoadScripts(rendererDir)).files.length)
    const appOrigin = new URL(page.url()).origin
    for (const url of loaded) expect({ origin: new URL(url).origin, path: new URL(url).pathname }).toMatchObject({ origin: appOrigin, path: expect.stringMatching(/^\/assets\/[\w-]+\.js$/) })
    await app.close()
  })

  // Eval is not tried here: code run through page.evaluate is exempt from the page's CSP. The app's own bundle
  // showed it refused (Zod's probe for new Function() was a violation until zod-jitless.ts).
  it('refuses inline styles, style attributes and inline scripts', async () => {
    const app = await openApp(browser)
    const { page } = app
    await page.getByTestId('app-version').waitFor()
    const outcome = await page.evaluate(async () => {
      const style = document.createElement('style')
      style.textContent = 'body { --csp-probe: injected }'
      document.head.append(style)
      const marked = document.createElement('div')
      marked.setAttribute('style', 'width: 123px')
      document.body.append(marked)
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.head.append(script)
      await new Promise((resolve) => setTimeout(resolve, 100))
      const result = {
        probe: getComputedStyle(document.body).getPropertyValue('--csp-probe'),
        width: getComputedStyle(marked).width,
        inlineRan: 'inlineRan' in window || '__inlineRan' in window,
        violations: [...(window as unknown as Watched).__cspViolations]
      }
      ;(window as unknown as Watched).__cspViolations.length = 0
      marked.remove()
      return result
    })
    expect(outcome).toMatchObject({ probe: '', inlineRan: false })
    expect(outcome.width).not.toBe('123px')
    // Each is reported twice: once by the header's policy, once by the meta tag's.
    expect([...new Set(outcome.violations.map((v) => v.split(' ')[0]))].sort()).toEqual(['script-src-elem', 'style-src-attr', 'style-src-elem'])
    await app.close()
  })
})
