import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { openArticle, openEditorLibrary, shows, type EditorApp } from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields } from './library-seed'
import { firstRunProfile, openSection } from './review-support'
import { seriousViolations, type Violation } from './axe-support'

let browser: Browser
useBrowser((launched) => (browser = launched))

const ARTICLE = netflixArticle()

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme)
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme)
}

async function openDesk(): Promise<EditorApp> {
  const app = await openEditorLibrary(browser, { articles: [editableFields(ARTICLE)], promos: [hostingPromo()] })
  await app.page.setViewportSize({ width: 1280, height: 800 })
  return app
}

/** Each main view, reached as a user reaches it, and closed again; the name says which. */
const views: { name: string; open: (page: Page) => Promise<void>; close?: (page: Page) => Promise<void> }[] = [
  { name: 'library', open: async (page) => void (await page.getByRole('listbox', { name: 'Articles' }).waitFor()) },
  { name: 'editor with FAQ, promos and inspector', open: (page) => openArticle(page, ARTICLE.title) },
  {
    name: 'review panel',
    open: async (page) => {
      for (const section of ['Suggestions', 'Ready to publish?', 'Status history', 'Revisions']) await openSection(page, section)
    }
  },
  {
    name: 'export dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      await page.frameLocator('iframe[title="Rendered page"]').locator('h1').waitFor()
    },
    close: (page) => page.getByRole('dialog', { name: 'Export as HTML' }).getByRole('button', { name: 'Cancel' }).click()
  },
  {
    name: 'site export dialog',
    open: (page) => page.keyboard.press('Control+Alt+E').then(() => shows(page.locator('dialog[open]'))),
    close: (page) => page.keyboard.press('Escape')
  },
  {
    name: 'keyboard shortcut sheet',
    open: (page) => page.keyboard.press('Control+/').then(() => shows(page.getByRole('dialog', { name: 'Keyboard shortcuts' }))),
    close: (page) => page.keyboard.press('Escape')
  },
  {
    name: 'promo manager',
    open: (page) => page.getByRole('button', { name: 'Promos' }).click().then(() => shows(page.locator('dialog[open]'))),
    close: (page) => page.keyboard.press('Escape')
  }
]

describe('accessibility (axe-core) on every main view', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical violations in the ${theme} theme`, { timeout: 240_000 }, async () => {
      const app = await openDesk()
      const { page } = app
      await setTheme(page, theme)
      await firstRunProfile(page, 'Dana Editor', 'editor')
      const report: Record<string, Violation[]> = {}
      for (const view of views) {
        await view.open(page)
        report[view.name] = await seriousViolations(page)
        await screenshot(page, `axe-${theme}-${view.name.replace(/\W+/g, '-')}`)
        await view.close?.(page)
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
      }
      expect(report).toEqual(Object.fromEntries(views.map((view) => [view.name, []])))
      await app.done()
    })
  }

  it('has no serious or critical violations on the exported HTML page, light and dark', { timeout: 120_000 }, async () => {
    const app = await openDesk()
    const { page } = app
    const exported = await app.services.library.getArticle(app.ids[0]!)
    expect(exported.title).toBe(ARTICLE.title)
    await openArticle(page, ARTICLE.title)
    await page.keyboard.press('Control+Shift+E')
    const source = page.getByRole('dialog', { name: 'Export as HTML' }).getByLabel('Exported file')
    await expect.poll(() => source.textContent()).toContain('</html>')
    const html = (await source.textContent())!
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } })
      const standalone = await context.newPage()
      await standalone.setContent(html)
      expect(await seriousViolations(standalone)).toEqual([])
      await context.close()
    }
    await app.done()
  })
})
