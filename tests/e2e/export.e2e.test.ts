import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { netflixArticle } from '../fixtures/netflix'
import { needsToolsNow } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'
import { MANIFEST_NAME } from '../../src/main/site-export/manifest'
import { fixtureLibrary, git, initSiteRepo, manyArticles, snapshot } from '../main/site-export/fixture-library'
import { openLibrary } from '../../src/main/library/library'
import { openApp, screenshot, useBrowser, type AppSession } from './harness'
import { writeArticleFiles } from './library-seed'

let browser: Browser
useBrowser((launched) => (browser = launched))

const netflix = netflixArticle()
const shows = (locator: Locator) => locator.waitFor({ state: 'visible' })

/** The app over a real library: the fixture plus `extra` approved articles, so an export takes long enough to watch. */
async function openExportApp(extra: number): Promise<AppSession & { site: string; saved: string; done: () => Promise<void> }> {
  const temp = await makeTempDir('copydesk-export-e2e-')
  const dir = join(temp.path, 'Library')
  let library = await fixtureLibrary(dir)
  if (extra > 0) {
    // Written as plain files many at a time, then indexed as the library opens again: one fsynced write after another took seconds.
    await library.close()
    await writeArticleFiles(dir, manyArticles(extra))
    library = await openLibrary(dir)
  }
  const site = join(temp.path, 'site')
  const saved = join(temp.path, 'saved', `${netflix.slug}.html`)
  await mkdir(site)
  await mkdir(join(temp.path, 'saved'))
  const app = await openApp(browser, {
    userDataDir: temp.path,
    library,
    chooseSiteFolder: async () => site,
    chooseExportFile: async () => saved
  })
  // The menu's commands reach the desk once it is up, as for a user, who sees the window first.
  await shows(app.page.getByRole('listbox', { name: 'Articles' }))
  return Object.assign(app, {
    site,
    saved,
    done: async () => {
      await app.close()
      await library.close()
      await temp.cleanup()
    }
  })
}

describe('export to a site from the app, in Chromium', () => {
  it('picks the folder, shows the dry run, exports with a progress bar and ends with a report that matches the disk', async () => {
    const app = await openExportApp(300)
    const { page } = app
    await app.emit('menu', 'export-site')
    const dialog = page.getByRole('dialog', { name: 'Export to site' })
    await shows(dialog)
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await expect.poll(() => dialog.getByLabel('Site folder').inputValue()).toBe(app.site)
    await dialog.getByLabel('Profile').selectOption('hugo')
    await dialog.getByLabel('Also write the site kit (FAQ and promo templates)').check()
    await dialog.getByRole('button', { name: 'Preview changes' }).click()

    const summary = dialog.getByRole('status')
    await shows(summary)
    await expect.poll(() => summary.textContent()).toMatch(/^303 articles into .*: 305 to add, 0 to change, 0 unchanged/)
    expect((await snapshot(app.site)).size).toBe(0) // the dry run wrote nothing
    await screenshot(page, 'export-site-dry-run')

    await dialog.getByRole('button', { name: 'Export' }).click()
    await shows(dialog.getByRole('progressbar'))
    await screenshot(page, 'export-site-progress')
    await shows(dialog.getByText(/^Export finished\./))
    await expect(dialog.getByRole('status').textContent()).resolves.toBe('Export finished. 305 written, 0 unchanged, 0 removed, 0 warnings.')
    await screenshot(page, 'export-site-report')

    const onDisk = await snapshot(app.site)
    expect(onDisk.has(`content/posts/${netflix.slug}.md`)).toBe(true)
    expect([...onDisk.keys()].filter((path) => path.startsWith('content/posts/'))).toHaveLength(303)
    expect(app.calls.filter((call) => call.channel === 'copydesk:runSiteExport')).toHaveLength(1)

    // The library remembers the choice: the next export starts from it.
    await dialog.getByRole('button', { name: 'Close' }).last().click()
    await app.emit('menu', 'export-site')
    await shows(dialog)
    await expect.poll(() => dialog.getByLabel('Site folder').inputValue()).toBe(app.site)
    await dialog.getByRole('button', { name: 'Preview changes' }).click()
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/0 to add, 0 to change, 305 unchanged/)
    await app.done()
  })

  it('cancels a running export; the report and the manifest say exactly what was written', async () => {
    // Enough articles to render on worker threads, as a big library does, and for the export to run a second or more.
    const app = await openExportApp(1500)
    const { page } = app
    await app.emit('menu', 'export-site')
    const dialog = page.getByRole('dialog', { name: 'Export to site' })
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await dialog.getByRole('button', { name: 'Preview changes' }).click()
    await shows(dialog.getByRole('button', { name: 'Export' }))
    await dialog.getByRole('button', { name: 'Export' }).click()
    await shows(dialog.getByRole('progressbar'))
    await dialog.getByRole('button', { name: 'Cancel export' }).click()
    await shows(dialog.getByText(/^Export cancelled\./))

    const written = Number(/(\d+) written/.exec((await dialog.getByRole('status').textContent())!)![1])
    expect(written).toBeLessThan(1503)
    const files = [...(await snapshot(app.site)).keys()].filter((path) => path !== MANIFEST_NAME)
    expect(files).toHaveLength(written)
    if (written > 0) {
      const manifest = JSON.parse(await readFile(join(app.site, MANIFEST_NAME), 'utf8')) as { files: Record<string, unknown> }
      expect(Object.keys(manifest.files).sort()).toEqual(files.sort())
    }
    await app.done()
  })
  it('offers to commit the export when the site is a git repository, and commits it on a branch', async (context) => {
    needsToolsNow(context, ['git'], 'committing an export from the app')
    const app = await openExportApp(0)
    await initSiteRepo(app.site)
    const { page } = app
    await app.emit('menu', 'export-site')
    const dialog = page.getByRole('dialog', { name: 'Export to site' })
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await dialog.getByRole('button', { name: 'Preview changes' }).click()
    await dialog.getByLabel('Commit the export to git, on branch').check()
    await dialog.getByLabel('Branch', { exact: true }).fill('copydesk/from-the-app')
    await dialog.getByRole('button', { name: 'Export' }).click()
    await shows(dialog.getByText(/^Committed on branch copydesk\/from-the-app \([0-9a-f]{12}\)\.$/))
    expect((await git(app.site, 'branch', '--show-current')).trim()).toBe('copydesk/from-the-app')
    expect(await git(app.site, 'log', '-1', '--format=%B')).toContain(netflix.title)
    await app.done()
  })
})

describe('export one article from the app, in Chromium', () => {
  it('previews the HTML page and saves exactly that through the save dialog', async () => {
    const app = await openExportApp(0)
    const { page } = app
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').filter({ hasText: netflix.title }).click()
    await app.emit('menu', 'export-html')
    const dialog = page.getByRole('dialog', { name: 'Export as HTML' })
    await shows(dialog)
    const preview = dialog.getByLabel('Exported file')
    await expect.poll(() => preview.textContent()).toContain(`<h1>${netflix.title}</h1>`)
    // Its related articles are links to .html files this export does not write: the dialog says so.
    expect(await preview.textContent()).toMatch(/href="[^":#/]+\.html"/)
    await shows(dialog.getByText('Related articles are linked as .html files beside this one.', { exact: false }))
    await screenshot(page, 'export-html-preview')
    await dialog.getByRole('button', { name: 'Save…' }).click()
    await shows(dialog.getByText(`Saved to ${app.saved}`))
    expect(await readFile(app.saved, 'utf8')).toBe(await preview.textContent())
    await dialog.getByRole('button', { name: 'Close' }).last().click()

    await app.emit('menu', 'export-markdown')
    const markdown = page.getByRole('dialog', { name: 'Export as Markdown' })
    await shows(markdown)
    await markdown.getByLabel('Flavour').selectOption('hugo')
    await expect.poll(() => markdown.getByLabel('Exported file').textContent()).toContain('{{< copydesk-faq')
    // The shortcodes need the site kit, which the file alone does not carry: the dialog says so and offers it.
    await shows(markdown.getByText('The Hugo shortcodes for FAQs and promos come from Copydesk', { exact: false }))
    await shows(markdown.getByLabel('Write the site kit beside the file', { exact: false }))
    await markdown.getByLabel('Flavour').selectOption('plain')
    await expect.poll(() => markdown.getByLabel('Write the site kit beside the file', { exact: false }).count()).toBe(0)
    expect(await markdown.getByText('site kit', { exact: false }).count()).toBe(0)
    await markdown.getByLabel('Flavour').selectOption('hugo')
    await app.settings.update({ theme: 'dark' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await screenshot(page, 'export-markdown-preview-dark')
    await app.done()
  })
})
