import { execFile } from 'node:child_process'
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { BodyDoc } from '../../src/shared/article/body'
import type { Actor } from '../../src/shared/review/actor'
import { openLibrary, type Library } from '../../src/main/library/library'
import { openSettingsStore } from '../../src/main/settings/settings-store'
import { cloneLibrary } from '../../src/main/sync/share-library'
import { needsTools } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'
import { seriousViolations } from './axe'
import { editorBody, openArticle, selectionSettled, storedArticle, titleField, saveNow } from './editor-support'
import { openApp, screenshot, useBrowser, type AppSession } from './harness'
import { selectText } from './review-support'

/**
 * Two people, two app windows, two clones of one bare repository in a temp
 * folder, real git underneath: what one writes reaches the other after Sync
 * in both, and a conflict is settled in the side-by-side view.
 */
const gitTool = needsTools(['git'], 'sync end to end needs git')
let browser: Browser
useBrowser((launched) => (browser = launched))

const TITLE = 'Council budget'
const FIRST = 'The council met on Tuesday evening to vote.'
const SECOND = 'The vote was close.'
const body: BodyDoc = { type: 'doc', content: [FIRST, SECOND].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }

const syncStatus = (page: Page) => page.getByTestId('sync-status')

/** One person's app on their own clone, signed in as `profile` so sync's commits carry the name. */
async function deskApp(userDataDir: string, library: Library, profile: Actor): Promise<AppSession> {
  await mkdir(userDataDir, { recursive: true })
  const settings = await openSettingsStore(userDataDir)
  await settings.update({ profile })
  const app = await openApp(browser, { userDataDir, library })
  await app.page.setViewportSize({ width: 1024, height: 700 })
  return app
}

/** Syncs with the status bar's button, or with the keys (the shortcut table's Ctrl+Alt+Y). */
/** When main last finished a sync of this window's library. */
const lastSyncAt = (page: Page): Promise<string | null> =>
  page.evaluate(async () => {
    const status = await window.copydesk.getSyncStatus()
    return status.ok ? status.value.lastSyncAt : null
  })

/**
 * Syncs and waits until that sync has finished. The state alone cannot tell: a library already synced shows
 * "synced" before the sync starts, and "syncing" may come and go between two looks.
 */
async function syncIn(page: Page, how: 'button' | 'keys' = 'button'): Promise<void> {
  const before = await lastSyncAt(page)
  if (how === 'keys') await page.keyboard.press('Control+Alt+y')
  else await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await expect.poll(async () => (await lastSyncAt(page)) !== before && (await syncStatus(page).getAttribute('data-state')), { timeout: 90_000 }).toBe('synced')
}

/** Replaces `words` in the open article's body by typing over them, and waits for the save. */
async function retype(page: Page, words: string, typed: string): Promise<void> {
  await selectText(page, words)
  await page.keyboard.type(typed)
  await selectionSettled(page)
  await saveNow(page)
}

/**
 * A remote as slow as a far-away server, when the test asks: `ssh://` URLs reach this machine's own repositories
 * through a stand-in for ssh that runs git's command here, and holds every fetch for a few seconds while `hold`
 * exists. Set for the whole file: main reads the ssh settings once a minute at most (remote.ts).
 */
const slowRemote = { hold: '', cleanup: async () => undefined as void }
beforeAll(async () => {
  const temp = await makeTempDir('copydesk-fake-ssh-')
  const script = join(temp.path, 'fake-ssh')
  const hold = join(temp.path, 'hold')
  // git runs it as `fake-ssh host "git-upload-pack '/path'"` (GIT_SSH_VARIANT=simple: no ssh options).
  await writeFile(script, `#!/bin/sh\nfor last; do :; done\ncase "$last" in git-upload-pack*) [ -f '${hold}' ] && sleep 4 ;; esac\nexec sh -c "$last"\n`)
  await chmod(script, 0o755)
  vi.stubEnv('GIT_SSH_COMMAND', script)
  vi.stubEnv('GIT_SSH_VARIANT', 'simple')
  Object.assign(slowRemote, { hold, cleanup: temp.cleanup })
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await slowRemote.cleanup()
})

describe.skipIf(gitTool.skip)('sync in the app', { timeout: 600_000 }, () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
  })

  /**
   * Hajra shares her library from the app; Tomás clones it. Both windows open on the one article. `over`: how both
   * reach the remote, its path or (`ssh`) through the slow remote's stand-in for ssh.
   */
  async function twoDesks(over: 'path' | 'ssh' = 'path') {
    const temp = await makeTempDir('copydesk-sync-e2e-')
    const path = join(temp.path, 'remote.git')
    const remote = over === 'ssh' ? `ssh://copydesk-test${path}` : path
    await promisify(execFile)('git', ['init', '--quiet', '--bare', '--initial-branch=main', path])
    const first = await openLibrary(join(temp.path, 'clone-a'))
    const { id } = await first.createArticle({ title: TITLE, body })
    const apps: AppSession[] = []
    cleanup = async () => {
      for (const app of apps) await app.close()
      await temp.cleanup()
    }
    const a = await deskApp(join(temp.path, 'user-a'), first, { name: 'Hajra Naz', role: 'writer' })
    apps.push(a)
    await expect.poll(() => syncStatus(a.page).textContent()).toContain('Not shared')
    await syncStatus(a.page).getByRole('button', { name: 'Share…' }).click()
    const share = a.page.getByRole('dialog', { name: 'Share this library' })
    await share.getByRole('textbox', { name: /Where to share it/ }).fill(remote)
    await share.getByRole('button', { name: 'Share' }).click()
    await share.waitFor({ state: 'hidden' })
    await expect.poll(() => syncStatus(a.page).getAttribute('data-state'), { timeout: 90_000 }).toBe('synced')

    const second = await cloneLibrary(remote, join(temp.path, 'clone-b'))
    const b = await deskApp(join(temp.path, 'user-b'), second, { name: 'Tomás Ruiz', role: 'editor' })
    apps.push(b)
    for (const app of [a, b]) await openArticle(app.page, TITLE)
    return { a, b, id, remote }
  }

  it('shows the shared library’s state, and carries an edit and a comment from one window to the other', async () => {
    const { a, b, id, remote } = await twoDesks()
    expect(await syncStatus(b.page).getAttribute('data-state')).toBe('synced')
    expect(await syncStatus(b.page).getByTestId('sync-counts').textContent()).toContain('0 changes to share, 0 changes to receive')

    // Hajra edits and comments; before syncing her status bar counts nothing yet (it counts commits), after it, both see it.
    await retype(a.page, 'Tuesday', 'Monday')
    await selectText(a.page, 'The vote was close')
    await a.page.keyboard.press('Control+Alt+m')
    const composer = a.page.getByRole('form', { name: 'New comment' })
    await composer.getByRole('textbox', { name: 'Comment' }).fill('Give the count.')
    await composer.getByRole('button', { name: 'Comment' }).click()
    await a.page.getByRole('article', { name: /^Comment by Hajra Naz/ }).waitFor()
    await saveNow(a.page)
    await syncIn(a.page)
    expect(await syncStatus(a.page).textContent()).toMatch(/Synced \d/)
    await screenshot(a.page, 'sync-status-bar')

    // Tomás syncs: his open article shows her words and her comment, and his library holds them.
    await syncIn(b.page)
    await expect.poll(() => editorBody(b.page).textContent(), { timeout: 60_000 }).toContain('met on Monday evening')
    await expect.poll(() => editorBody(b.page).locator('span.review-comment').textContent()).toBe('The vote was close')
    const arrived = await storedArticle(b, id)
    expect(arrived.comments).toMatchObject([{ messages: [{ author: { name: 'Hajra Naz' }, text: 'Give the count.' }] }])

    // His reply reaches her open article's thread, which her window already held.
    const threadIn = (page: Page) => page.getByRole('article', { name: /^Comment by Hajra Naz/ })
    if (!(await threadIn(b.page).isVisible())) await b.page.getByRole('button', { name: /^Comments \(1\)/ }).click()
    await threadIn(b.page).getByRole('textbox', { name: 'Reply' }).fill('Seven to four.')
    await threadIn(b.page).getByRole('button', { name: 'Reply' }).click()
    await saveNow(b.page)
    await syncIn(b.page)
    await syncIn(a.page)
    if (!(await threadIn(a.page).isVisible())) await a.page.getByRole('button', { name: /^Comments \(1\)/ }).click()
    await expect.poll(() => threadIn(a.page).textContent(), { timeout: 30_000 }).toContain('Seven to four.')

    // An unreachable remote is a line in the status bar, never a dialog.
    await promisify(execFile)('git', ['-C', b.libraryDir, 'remote', 'set-url', 'origin', `${remote}-gone`])
    await b.page.getByRole('button', { name: 'Sync', exact: true }).click()
    await expect.poll(() => syncStatus(b.page).textContent(), { timeout: 90_000 }).toContain(`Not synced: there is no library repository at “${remote}-gone”`)
    expect(await b.page.locator('dialog[open]').count()).toBe(0)
  })

  it('flags the same words and title changed in both clones, and settles them in the side-by-side view', async () => {
    const { a, b, id } = await twoDesks()
    await retype(a.page, 'Tuesday', 'Thursday')
    await retype(b.page, 'Tuesday', 'Wednesday')
    for (const [app, title] of [[a, 'Budget passes'], [b, 'Budget vote tonight']] as const) {
      await titleField(app.page).fill(title)
      await saveNow(app.page)
    }
    await syncIn(a.page)
    await syncIn(b.page)

    // Tomás's article keeps his words, flagged; Hajra's are kept as a revision.
    const banner = b.page.getByTestId('conflict-banner')
    await banner.waitFor({ timeout: 60_000 })
    expect(await banner.textContent()).toMatch(/Sync conflict: Both sides changed/)
    expect(await syncStatus(b.page).getByTestId('sync-conflicts').textContent()).toBe('1 conflict')
    await screenshot(b.page, 'sync-conflict-banner')

    await banner.getByRole('button', { name: 'Compare versions…' }).click()
    const view = b.page.getByRole('dialog', { name: 'Settle the sync conflict in “Budget vote tonight”' })
    const titleChoice = view.getByRole('group', { name: 'Title: keep which?' })
    const words = view.getByRole('group', { name: /^Place 1 where the versions differ/ })
    await titleChoice.waitFor()
    expect(await view.textContent()).toContain('2 places differ.')
    expect(await titleChoice.locator('[data-side="ours"]').textContent()).toContain('Budget vote tonight')
    expect(await titleChoice.locator('[data-side="theirs"]').textContent()).toContain('Budget passes')
    expect(await words.locator('[data-side="ours"]').textContent()).toContain(FIRST.replace('Tuesday', 'Wednesday'))
    const other = words.locator('[data-side="theirs"]')
    expect(await other.textContent()).toContain(FIRST.replace('Tuesday', 'Thursday'))
    expect(await other.locator('mark').allTextContents()).toEqual(['Thursday'])
    expect(await seriousViolations(b.page)).toEqual([])
    await screenshot(b.page, 'sync-conflict-view')

    await titleChoice.getByRole('radio', { name: /The other version/ }).check()
    await words.getByRole('radio', { name: /The other version/ }).check()
    await view.getByRole('button', { name: 'Resolve' }).click()
    await view.waitFor({ state: 'hidden' })
    await banner.waitFor({ state: 'hidden' })
    await expect.poll(() => editorBody(b.page).textContent()).toContain('met on Thursday evening')
    await expect.poll(() => titleField(b.page).inputValue()).toBe('Budget passes')
    const settled = await storedArticle(b, id)
    expect(settled.syncConflict).toBeUndefined()
    expect(settled.title).toBe('Budget passes')
    expect(settled.body.content?.[0]?.content?.[0]?.text).toBe(FIRST.replace('Tuesday', 'Thursday'))
    await expect.poll(() => syncStatus(b.page).getByTestId('sync-conflicts').count()).toBe(0)

    // Once both sync again, neither window shows a conflict.
    await syncIn(b.page)
    await syncIn(a.page, 'keys')
    await expect.poll(() => editorBody(a.page).textContent(), { timeout: 60_000 }).toContain('met on Thursday evening')
    expect(await a.page.getByTestId('conflict-banner').count()).toBe(0)
    expect((await storedArticle(a, id)).syncConflict).toBeUndefined()
  })

  it('keeps every key typed while a sync brings a teammate’s edit and title, and shows them in place', async () => {
    const { a, b, id } = await twoDesks('ssh')
    await retype(a.page, 'Tuesday', 'Monday')
    await titleField(a.page).fill('Budget passes')
    await saveNow(a.page)
    await syncIn(a.page)

    // Tomás syncs by the keys and types on while the remote takes its time: before, during and after the merge.
    await selectText(b.page, 'was close.')
    await b.page.keyboard.press('End')
    await writeFile(slowRemote.hold, '')
    const before = await lastSyncAt(b.page)
    await b.page.keyboard.press('Control+Alt+y')
    await expect.poll(() => syncStatus(b.page).getAttribute('data-state')).toBe('syncing')
    let typed = ''
    const words = ' Typed during the sync, a word at a time'.split(/(?= )/)
    // More than a second of typing while the fetch is held: autosave sends what was typed before the merge lands.
    for (const word of words.slice(0, 4)) {
      await b.page.keyboard.type(word, { delay: 40 })
      typed += word
      await b.page.waitForTimeout(300)
    }
    await rm(slowRemote.hold)
    for (const word of words.slice(4)) {
      await b.page.keyboard.type(word, { delay: 40 })
      typed += word
    }
    await expect.poll(async () => (await lastSyncAt(b.page)) !== before && (await syncStatus(b.page).getAttribute('data-state')), { timeout: 90_000 }).toBe('synced')
    await b.page.keyboard.type('. And after it.', { delay: 20 })
    typed += '. And after it.'

    // Her word and her title arrived in his open article, in place; his cursor stayed where he typed and lost no key.
    const paragraphs = editorBody(b.page).locator('p')
    await expect.poll(() => paragraphs.nth(0).textContent(), { timeout: 30_000 }).toBe(FIRST.replace('Tuesday', 'Monday'))
    expect(await paragraphs.nth(1).textContent()).toBe(`${SECOND}${typed}`)
    await expect.poll(() => titleField(b.page).inputValue()).toBe('Budget passes')
    await saveNow(b.page)
    const stored = await storedArticle(b, id)
    expect(stored.body.content?.map((block) => block.content?.[0]?.text)).toEqual([FIRST.replace('Tuesday', 'Monday'), `${SECOND}${typed}`])
    expect(stored).toMatchObject({ title: 'Budget passes' })
    expect(stored.syncConflict).toBeUndefined()

    // Undo takes back what he typed, never her edit: it is not his to undo.
    for (let i = 0; i < 40; i++) await b.page.keyboard.press('Control+z')
    expect(await paragraphs.nth(1).textContent()).toBe(SECOND)
    expect(await paragraphs.nth(0).textContent()).toBe(FIRST.replace('Tuesday', 'Monday'))
  })
})
