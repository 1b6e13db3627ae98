import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp, screenshot, useBrowser } from './harness'
import { articlesOnDisk } from './library-seed'

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
  await shows(page.getByText('Drop Markdown, HTML or JSON files to import them'))
  await sidebar(page).dispatchEvent('drop', { dataTransfer })
}

describe('importing into the library from the sidebar', () => {
  it('imports a picked Markdown post and a dropped one, and lists them', async () => {
    const app = await openApp(browser)
    const { page, libraryDir } = app
    await shows(page.getByText('No articles yet.', { exact: false }))

    await page.getByLabel('Import files').setInputFiles({
      name: 'netflix-ai.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(hugoPost('Netflix Bets Big on Generative AI'))
    })
    await shows(report(page).getByText('Imported 1 article.'))
    await shows(report(page).getByRole('button', { name: 'Netflix Bets Big on Generative AI' }))
    await expect.poll(() => titlesOnDisk(libraryDir)).toEqual(['Netflix Bets Big on Generative AI'])
    await shows(page.getByRole('option').filter({ hasText: 'Netflix Bets Big on Generative AI' }))

    await dropFiles(page, [{ name: 'dropped.md', type: 'text/markdown', text: hugoPost('A dropped draft') }])
    await shows(report(page).getByRole('button', { name: 'A dropped draft' }))
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

    await page.getByLabel('Import files').setInputFiles([
      { name: 'broken-front-matter.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: [unclosed\ntags: {\n---\n\nBody\n') },
      { name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(21 * 1024 * 1024, 'a') },
      { name: 'good.md', mimeType: 'text/markdown', buffer: Buffer.from(hugoPost('The one good file')) }
    ])
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
})
