import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { openLibrary } from '../../src/main/library/library'
import type { Article, EditableFields } from '../../src/shared/article/article'
import type { BodyNode } from '../../src/shared/article/body'
import { walkBody } from '../../src/shared/article/body'
import type { Promo } from '../../src/shared/article/promo'
import { makeTempDir } from '../support/temp-dir'
import { openApp, type AppSession } from './harness'
import { articlesOnDisk, promoInput } from './library-seed'

/** Helpers for the editor's end-to-end tests: a seeded library, the editor's parts, what reached the disk. */

export type EditorApp = AppSession & { ids: string[]; done: () => Promise<void> }

/** The app over a fresh library holding `articles` (in that order) and `promos`; `options` go on to `openApp`. */
export async function openEditorLibrary(
  browser: Browser,
  seed: { articles: Partial<EditableFields>[]; promos?: Promo[] },
  options: Omit<NonNullable<Parameters<typeof openApp>[1]>, 'library'> = {}
): Promise<EditorApp> {
  const temp = options.userDataDir ? null : await makeTempDir('copydesk-editor-e2e-')
  const userDataDir = options.userDataDir ?? temp!.path
  const library = await openLibrary(join(userDataDir, 'Library'))
  for (const promo of seed.promos ?? []) await library.savePromo(promoInput(promo), promo.id)
  const ids: string[] = []
  for (const fields of seed.articles) ids.push((await library.createArticle(fields)).id)
  const app = await openApp(browser, { ...options, userDataDir, library })
  return Object.assign(app, {
    ids,
    done: async () => {
      await app.close()
      await temp?.cleanup()
    }
  })
}

/** Waits until `locator` is visible, as long as the context's default allows: ten seconds failed on a laptop whose cores were busy elsewhere. */
export const shows = (locator: Locator) => locator.waitFor({ state: 'visible' })
export const editorBody = (page: Page) => page.locator('.article-body')
export const saveStatus = (page: Page) => page.getByTestId('save-status')
export const titleField = (page: Page) => page.getByRole('textbox', { name: 'Article title' })

/** Opens an article from the library sidebar and waits until its editor shows that title. */
export async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').filter({ hasText: title }).first().click()
  await expect.poll(() => titleField(page).inputValue(), { timeout: 60_000 }).toBe(title)
  await shows(editorBody(page))
}

/** Waits until the status bar says everything typed is stored ("Saved" and the time). */
export async function waitUntilSaved(page: Page): Promise<void> {
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 60_000 }).toMatch(/^Saved \d/)
}

/**
 * Saves with Ctrl+S, as a writer does before walking away, and waits until it is stored: for tests whose
 * subject is not autosave (editor-saving and library-save test that), so none waits out the autosave pause.
 */
export async function saveNow(page: Page): Promise<void> {
  await page.keyboard.press('Control+s')
  await waitUntilSaved(page)
}

export async function storedArticle(app: AppSession, id: string): Promise<Article> {
  const article = (await articlesOnDisk(app.libraryDir)).find((a) => a.id === id)
  if (!article) throw new Error(`article ${id} is not on disk`)
  return article
}

/** Every node of a body with the given type. */
export function nodesOf(body: BodyNode, type: string): BodyNode[] {
  const found: BodyNode[] = []
  walkBody(body, (node) => {
    if (node.type === type) found.push(node)
  })
  return found
}

/** The plain text inside a node. */
export function textOf(node: BodyNode): string {
  let text = ''
  walkBody(node, (n) => {
    text += n.text ?? ''
  })
  return text
}

/**
 * Waits until the editor's own selection matches the browser's. ProseMirror
 * reads the browser selection on its selectionchange event, a moment after a
 * click or an arrow key; keys pressed before that act on the old selection,
 * which a person typing never hits but a test driver does. (Tiptap keeps its
 * editor on the DOM element for tests like this.)
 */
export async function selectionSettled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        type View = { posAtDOM(node: Node, offset: number): number; state: { selection: { anchor: number; head: number } } }
        const view = (document.querySelector('.ProseMirror') as unknown as { editor: { view: View } }).editor.view
        const dom = window.getSelection()
        if (!dom?.anchorNode || !dom.focusNode) return false
        const { anchor, head } = view.state.selection
        return view.posAtDOM(dom.anchorNode, dom.anchorOffset) === anchor && view.posAtDOM(dom.focusNode, dom.focusOffset) === head
      })
    )
    .toBe(true)
}

/** Presses keys one by one, letting the editor catch up with the browser's selection after each. */
export async function pressKeys(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key)
    await selectionSettled(page)
  }
}

/** Clicks at the start of the text block holding `text` and waits for the editor to put its cursor there. */
export async function placeCursorIn(page: Page, text: string): Promise<void> {
  await editorBody(page).getByText(text, { exact: true }).click({ position: { x: 2, y: 4 } })
  await selectionSettled(page)
}

/** Puts the cursor at the end of the body's last text block. */
export async function focusBodyEnd(page: Page): Promise<void> {
  await editorBody(page).focus()
  await pressKeys(page, 'Control+End')
}

/** Pastes HTML into the editor the way the browser does: a paste event carrying the clipboard's data. */
export async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((content) => {
    const data = new DataTransfer()
    data.setData('text/html', content)
    data.setData('text/plain', new DOMParser().parseFromString(content, 'text/html').body.textContent ?? '')
    document.querySelector('.article-body')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
}

/** A real 2×2 PNG, so the library's format check accepts it and the browser can decode it. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM4YSMnV3GCQe6Eza87GgAkTgWhLYHJ+QAAAABJRU5ErkJggg==',
  'base64'
)
