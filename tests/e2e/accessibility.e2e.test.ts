import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hostingPromo, netflixArticle } from '../fixtures/netflix'
import { openArticle, openEditorLibrary, shows, type EditorApp } from './editor-support'
import { screenshot, useBrowser } from './harness'
import { editableFields } from './library-seed'
import { firstRunProfile, openSection } from './review-support'
import { COLOUR_RULES, seriousViolations, type Violation } from './axe'

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
  it('has no serious or critical violations in the light theme, nor colour ones in the dark theme', { timeout: 240_000 }, async () => {
    const app = await openDesk()
    const { page } = app
    await setTheme(page, 'light')
    await firstRunProfile(page, 'Dana Editor', 'editor')
    // Each view is opened once and checked in both themes: the dark theme changes colours only, so the
    // colour rules are the ones whose answer it can change. The theme comes from main's settings, as
    // when another window changes it, since a dialog open over the desk hides the status bar's picker.
    const inTheme = async (theme: 'light' | 'dark') => {
      await app.settings.update({ theme })
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme)
    }
    const report: Record<string, Violation[]> = {}
    for (const view of views) {
      await view.open(page)
      const file = view.name.replace(/\W+/g, '-')
      report[`${view.name}, light`] = await seriousViolations(page)
      await screenshot(page, `axe-light-${file}`)
      await inTheme('dark')
      report[`${view.name}, dark`] = await seriousViolations(page, COLOUR_RULES)
      await screenshot(page, `axe-dark-${file}`)
      await inTheme('light')
      await view.close?.(page)
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0)
    }
    expect(report).toEqual(Object.fromEntries(views.flatMap((view) => [`${view.name}, light`, `${view.name}, dark`].map((key) => [key, []]))))
    await app.done()
  })

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
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const standalone = await context.newPage()
    await standalone.setContent(html)
    for (const colorScheme of ['light', 'dark'] as const) {
      await standalone.emulateMedia({ colorScheme })
      expect(await seriousViolations(standalone), colorScheme).toEqual([])
    }
    await context.close()
    await app.done()
  })
})
