import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { openApp, screenshot, useBrowser } from './harness'
import { seedManyArticles } from './library-seed'
import { recordCommits } from './react-commits'

let browser: Browser
useBrowser((launched) => (browser = launched))

interface TraceEvent {
  name: string
  pid: number
  ts: number
  args?: { beginData?: { stackTrace?: { functionName: string }[] } }
}

/** Runs before the page's scripts: marks the moment the article list first holds a row. */
const markListShown = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role="listbox"][aria-label="Articles"] [role="option"]')) return
    performance.mark('list-shown')
    observer.disconnect()
  }).observe(document, { childList: true, subtree: true })
`

/** A user-data folder whose default library cannot open: a file stands where its folder should be. */
async function brokenUserData(): Promise<{ path: string; library: string; cleanup: () => Promise<void> }> {
  const temp = await makeTempDir('copydesk-startup-')
  const library = join(temp.path, 'Library')
  await writeFile(library, 'not a folder')
  return { ...temp, library }
}

describe('a window that always opens', () => {
  it('draws the library and its first rows in React\'s first commit: React starts with main\'s answer in hand, and the list mounts rows before it has measured itself', async () => {
    const temp = await makeTempDir('copydesk-startup-')
    await seedManyArticles(join(temp.path, 'Library'), 3)
    const app = await openApp(browser, { userDataDir: temp.path })
    const recorder = await recordCommits(app.page)
    await expect.poll(() => app.page.getByRole('navigation', { name: 'Library' }).isVisible()).toBe(true)
    const [first] = await recorder.commits()
    expect(first?.drew).toEqual(expect.arrayContaining(['StartupGate', 'App', 'Sidebar', 'ArticleList', 'ArticleRow']))
    await app.close()
    await temp.cleanup()
  })

  it('paints the article list from that one commit: the list measures itself after the first frame\'s layout, not by a second render before it', async () => {
    const temp = await makeTempDir('copydesk-startup-')
    // More rows than the window holds, so the list's measured height leaves fewer rows to mount than the window's height did.
    await seedManyArticles(join(temp.path, 'Library'), 40)
    const app = await openApp(browser, { userDataDir: temp.path })
    const recorder = await recordCommits(app.page)
    await expect.poll(() => app.page.getByRole('option').count()).toBeGreaterThan(0)
    // Later commits (the workspace drawn once the list has painted, the measured list dropping the rows below it) have come.
    await expect.poll(async () => (await recorder.commits()).length).toBeGreaterThan(1)
    const [first, ...later] = await recorder.commits()
    expect(first?.drew).toEqual(expect.arrayContaining(['ArticleList', 'ArticleRow']))
    expect(later.filter((commit) => commit.frame === first?.frame)).toEqual([])
    await app.close()
    await temp.cleanup()
  })

  it('lays the window out for its first frame only: nothing in the page makes the browser lay it out before the article list shows', async () => {
    const temp = await makeTempDir('copydesk-startup-')
    await seedManyArticles(join(temp.path, 'Library'), 40)
    // Chromium records the script stack of a style or layout pass a script forced; the frame's own passes have none.
    await browser.startTracing(undefined, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing'] })
    const app = await openApp(browser, { userDataDir: temp.path, beforeLoad: markListShown }).catch(async (error: unknown) => {
      await browser.stopTracing()
      throw error
    })
    await app.page.waitForFunction(() => performance.getEntriesByName('list-shown').length > 0)
    const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
    const mark = events.find((event) => event.name === 'list-shown')
    expect(mark).toBeDefined()
    const forced = events
      .filter((event) => event.pid === mark?.pid && event.ts <= mark.ts && /^(Layout|UpdateLayoutTree)$/.test(event.name))
      .flatMap((event) => (event.args?.beginData?.stackTrace ? [event.args.beginData.stackTrace.map((frame) => frame.functionName).join(' < ')] : []))
    expect(forced).toEqual([])
    await app.close()
    await temp.cleanup()
  })

  it('says why the library did not open and offers the ways out; “Try again” starts the app once it is fixed', async () => {
    const userData = await brokenUserData()
    const app = await openApp(browser, { userDataDir: userData.path })
    const { page } = app
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.getByRole('heading').textContent()).toBe('Copydesk could not open your library')
    await expect(alert.textContent()).resolves.toContain(`Copydesk could not open the library in “${userData.library}”. “${userData.library}” is a file, not a folder.`)
    await screenshot(page, 'startup-failure')

    await alert.getByRole('button', { name: 'Show the folder' }).click()
    await expect.poll(() => app.revealed).toEqual([userData.library])

    await alert.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => alert.textContent()).toContain('It still could not be opened.')

    await rm(userData.library)
    await alert.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => page.getByRole('navigation', { name: 'Library' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe('Copydesk 0.0.0-test')
    expect(app.services.library.dir).toBe(userData.library)
    await app.close()
    await userData.cleanup()
  })

  it('opens another folder from the start-up window, and answers nothing else before a library is open', async () => {
    const userData = await brokenUserData()
    const other = join(userData.path, 'Other library')
    await mkdir(other)
    let chosen: string | null = null
    const app = await openApp(browser, { userDataDir: userData.path, chooseFolder: async () => chosen })
    const { page } = app
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.isVisible()).toBe(true)
    // Before start-up works, the rest of the contract refuses in plain words and never rejects.
    const early = await page.evaluate(() => window.copydesk.listArticles({}))
    expect(early).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^No library is open yet/) } })

    await alert.getByRole('button', { name: 'Open another folder…' }).click()
    await expect.poll(() => alert.textContent()).toContain('No folder was chosen.')

    chosen = other
    await alert.getByRole('button', { name: 'Open another folder…' }).click()
    await expect.poll(() => page.getByRole('navigation', { name: 'Library' }).isVisible()).toBe(true)
    expect(app.services.library.dir).toBe(other)
    expect(app.settings.get().lastLibrary).toBe(other)
    await app.close()
    await userData.cleanup()
  })
})
