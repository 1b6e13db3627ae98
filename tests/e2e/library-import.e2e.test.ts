import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it, onTestFinished } from 'vitest'
import { importLimits } from '../../src/main/library/import-thread'
import { openApp, screenshot, useBrowser } from './harness'
import { articlesOnDisk } from './library-seed'
import { makeTempDir } from '../support/temp-dir'
import { tinyPng } from '../main/site-export/fixture-library'

let browser: Browser
useBrowser((launched) => (browser = launched))

const hugoPost = (title: string): string => `---
title: "${title}"
date: 2025-10-22
tags: ["AI", "Netflix"]
draft: true
---

Netflix says it is *very well positioned* to use generative AI.

## AI as a Tool, Not a Replacement

> It takes a great artist to make something great.
`

const shows = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 60_000 })
const report = (page: Page) => page.getByRole('status', { name: 'Import report' })
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' })
const titlesOnDisk = async (dir: string) => (await articlesOnDisk(dir)).map((a) => a.title)

/** Drops files on the sidebar the way a file manager does: dragenter, dragover, then drop. */
async function dropFiles(page: Page, files: { name: string; type: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const file of list) transfer.items.add(new File([file.text], file.name, { type: file.type }))
    return transfer
  }, files)
  await sidebar(page).dispatchEvent('dragenter', { dataTransfer })
  await sidebar(page).dispatchEvent('dragover', { dataTransfer })
  await shows(page.getByText('Drop Markdown, HTML, Word or JSON files to import them'))
  await sidebar(page).dispatchEvent('drop', { dataTransfer })
}

describe('importing into the library from the sidebar', () => {
  it('imports a picked Markdown post and a dropped one, and lists them', async () => {
    const app = await openApp(browser)
    const { page, libraryDir } = app
    await shows(page.getByText('No articles yet.', { exact: false }))

    // A post picked from its folder, with the picture it names beside it: Electron tells the preload where the file lives.
    const folder = await makeTempDir('copydesk-picked-')
    onTestFinished(() => folder.cleanup())
    const picked = join(folder.path, 'netflix-ai.md')
    await writeFile(picked, `${hugoPost('Netflix Bets Big on Generative AI')}\n![The studio](studio.png)\n`)
    await writeFile(join(folder.path, 'studio.png'), tinyPng)
    await page.evaluate((paths) => Object.assign(window, { __copydeskFilePaths: paths }), { 'netflix-ai.md': picked })
    await page.getByLabel('Import files').setInputFiles(picked)
    await shows(report(page).getByText('Imported 1 article.'))
    await shows(report(page).getByRole('button', { name: 'Netflix Bets Big on Generative AI' }))
    await expect.poll(() => titlesOnDisk(libraryDir)).toEqual(['Netflix Bets Big on Generative AI'])
    const image = JSON.stringify((await articlesOnDisk(libraryDir))[0]!.body).match(/"src":"(media\/[^"]+-studio\.png)"/)
    expect(image, 'the picture beside the picked post is in the media folder').not.toBeNull()
    expect(await readFile(join(libraryDir, image![1]!))).toEqual(tinyPng)
    await shows(page.getByRole('option').filter({ hasText: 'Netflix Bets Big on Generative AI' }))

    await dropFiles(page, [{ name: 'dropped.md', type: 'text/markdown', text: `${hugoPost('A dropped draft')}\nThe [old mirror](ftp://example.org/file).\n` }])
    await shows(report(page).getByRole('button', { name: 'A dropped draft' }))
    // What the import changed is in the report, under the article it concerns.
    await report(page).getByText('1 change to check').click()
    await shows(report(page).getByText('A link to a “ftp:” address was turned into plain text: “old mirror”.'))
    await expect.poll(async () => (await titlesOnDisk(libraryDir)).sort()).toEqual(['A dropped draft', 'Netflix Bets Big on Generative AI'])

    // The report's titles open what was imported.
    await report(page).getByRole('button', { name: 'A dropped draft' }).click()
    const dropped = (await articlesOnDisk(libraryDir)).find((a) => a.title === 'A dropped draft')!
    await expect.poll(() => page.locator('[role=option][aria-selected=true]').getAttribute('id')).toBe(`article-option-${dropped.id}`)
    await app.close()
  })

  it('explains each file it could not import, in plain words, and writes nothing for it', async () => {
    const app = await openApp(browser)
    const { page, libraryDir } = app
    await shows(page.getByText('No articles yet.', { exact: false }))
    // The empty list keeps Duplicate / Move to trash at the bottom of the sidebar, not mid-way.
    const footerGap = await page.evaluate(() => {
      const sidebar = document.querySelector('.library-sidebar')!.getBoundingClientRect()
      const footer = [...document.querySelectorAll('.library-sidebar .sidebar-footer')].at(-1)!.getBoundingClientRect()
      return sidebar.bottom - footer.bottom
    })
    expect(footerGap).toBeLessThan(2)

    // From disk, so Chromium reads the 21 MB file itself rather than Playwright sending it through its pipe.
    const files = await makeTempDir('copydesk-import-files-')
    onTestFinished(() => files.cleanup())
    const picked: [string, string | Buffer][] = [
      ['broken-front-matter.md', '---\ntitle: [unclosed\ntags: {\n---\n\nBody\n'],
      ['huge.md', Buffer.alloc(21 * 1024 * 1024, 'a')],
      ['good.md', hugoPost('The one good file')]
    ]
    for (const [name, content] of picked) await writeFile(join(files.path, name), content)
    await page.getByLabel('Import files').setInputFiles(picked.map(([name]) => join(files.path, name)))
    await shows(report(page).getByText('Imported 1 article. 2 files could not be imported.'))
    const failures = report(page).locator('.import-failed li')
    await expect.poll(() => failures.count()).toBe(2)
    const reasons = await failures.allTextContents()
    expect(reasons.find((text) => text.startsWith('huge.md'))).toBe('huge.md: It is larger than 20 MB.')
    const broken = reasons.find((text) => text.startsWith('broken-front-matter.md: '))!
    expect(broken.length).toBeGreaterThan('broken-front-matter.md: '.length + 10)
    expect(await titlesOnDisk(libraryDir)).toEqual(['The one good file'])
    await screenshot(page, 'library-import-report')
    await app.close()
  })

  it('shows which file it is reading and cancels a slow one, and the window keeps drawing meanwhile', async () => {
    // All the time it wants, so only Cancel ends the slow file (the budget itself is tested in tests/main/library).
    const budget = importLimits.timeMs
    importLimits.timeMs = 600_000
    onTestFinished(() => {
      importLimits.timeMs = budget
    })
    const app = await openApp(browser)
    const { page, libraryDir } = app
    await shows(page.getByText('No articles yet.', { exact: false }))
    // Picked from disk, so Chromium reads them itself rather than Playwright sending them through its pipe.
    const files = await makeTempDir('copydesk-import-files-')
    onTestFinished(() => files.cleanup())
    const picked: [string, string][] = [
      ['first.md', hugoPost('Imported before the cancel')],
      // 400 KB, well under the Markdown cap, yet minutes of parsing: 100,000 unfinished links.
      ['links.md', '[a]('.repeat(100_000)],
      ['after.md', hugoPost('Never reached')]
    ]
    for (const [name, text] of picked) await writeFile(join(files.path, name), text)
    await page.getByLabel('Import files').setInputFiles(picked.map(([name]) => join(files.path, name)))
    const progress = page.getByRole('region', { name: 'Import progress' })
    // The first file waits for the import thread to start: seconds on a busy machine.
    await progress.getByText('Importing links.md (2 of 3)').waitFor({ state: 'visible', timeout: 60_000 }).catch(async (error: unknown) => {
      console.error('progress panel:', await progress.textContent().catch(() => null), 'report:', await report(page).textContent().catch(() => null))
      throw error
    })
    // From here on, while main parses the slow file, the longest gap between frames: a window that stops drawing shows as one
    // long gap. Counted from now because the harness hands files to main through Playwright's binding, which serializes them in
    // the page (Electron's IPC clones bytes in a moment).
    await page.evaluate(() => {
      const watch = window as unknown as { longestFrameGap: number }
      watch.longestFrameGap = 0
      let last = performance.now()
      const frame = (now: number): void => {
        watch.longestFrameGap = Math.max(watch.longestFrameGap, now - last)
        last = now
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })

    // Typing in the filter while the import runs: the renderer answers at once.
    await page.getByLabel('Search articles').fill('still typing')
    await expect.poll(() => page.getByLabel('Search articles').inputValue()).toBe('still typing')
    await progress.getByRole('button', { name: 'Cancel import' }).click()

    await shows(report(page).getByText('Imported 1 article. Cancelled: 2 files not imported.'))
    expect(await titlesOnDisk(libraryDir)).toEqual(['Imported before the cancel'])
    const gap = await page.evaluate(() => (window as unknown as { longestFrameGap: number }).longestFrameGap)
    console.info(`[import figures] longest frame gap in the window during the import: ${gap.toFixed(0)} ms`)
    // Generous for a shared machine: the point is no stall of seconds.
    expect(gap).toBeLessThan(1000)
    await app.close()
  }, 180_000)
})
