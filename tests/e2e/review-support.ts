import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { ReviewRole } from '../../src/shared/review/actor'
import { openEditorLibrary, selectionSettled, type EditorApp } from './editor-support'

/** Helpers for the review end-to-end tests: a library whose bundles land in a folder, profiles, selecting words. */

/** The app over a fresh library holding `articles` and `promos`; review bundles are saved into `bundleDir`. */
export function openReviewLibrary(browser: Browser, seed: Parameters<typeof openEditorLibrary>[1], bundleDir: string): Promise<EditorApp> {
  return openEditorLibrary(browser, seed, { chooseReviewBundleFile: async (name) => join(bundleDir, name) })
}

const roleName = (role: ReviewRole): string => (role === 'editor' ? 'Editor' : 'Writer')

/** Answers the first-run dialog, which appears until there is a profile. */
export async function firstRunProfile(page: Page, name: string, role: ReviewRole): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Who is working here?' })
  await dialog.waitFor({ state: 'visible', timeout: 60_000 })
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name)
  await dialog.getByRole('radio', { name: roleName(role) }).check()
  await dialog.getByRole('button', { name: 'Save profile' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await expect.poll(() => page.getByRole('button', { name: /^Profile: / }).textContent()).toBe(`${name} · ${roleName(role)}`)
}

/** Switches the profile from the status bar, as two people sharing one computer would. */
export async function switchProfile(page: Page, name: string, role: ReviewRole): Promise<void> {
  await page.getByRole('button', { name: /^Profile: / }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch profile' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name)
  await dialog.getByRole('radio', { name: roleName(role) }).check()
  await dialog.getByRole('button', { name: 'Save profile' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await expect.poll(() => page.getByRole('button', { name: /^Profile: / }).textContent()).toBe(`${name} · ${roleName(role)}`)
}

/** Selects `text` in the article body the way a drag does: a browser selection the editor then reads. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector<HTMLElement>('.article-body')!
    root.focus()
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return
    }
    throw new Error(`“${wanted}” is not in the article body`)
  }, text)
  await selectionSettled(page)
}

/** Opens one of the inspector's review sections (a <details>) if it is closed. */
export async function openSection(page: Page, name: string): Promise<void> {
  const section = page.locator('.review-panel details').filter({ has: page.locator('summary', { hasText: name }) })
  if (!(await section.evaluate((el: HTMLDetailsElement) => el.open))) await section.locator('summary').click()
}
