import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SiteFolder, unsafePathReason } from '../../../src/main/site-export/safe-path'
import { makeTempDir } from '../../support/temp-dir'

describe('unsafePathReason', () => {
  it.each([
    ['content/posts/netflix.md'],
    ['static/images/netflix/3f2a-photo.jpg'],
    ['_posts/2025-10-22-netflix.md'],
    ['.copydesk-export.json'],
    ['layouts/shortcodes/faq.html']
  ])('accepts an ordinary site path: %s', (path) => {
    expect(unsafePathReason(path)).toBeNull()
  })

  it.each([
    ['', /empty/],
    ['../outside.md', /\.\./],
    ['content/../../outside.md', /\.\./],
    ['content/./x.md', /\.\./],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/x.md', /absolute/],
    ['\\\\server\\share\\x.md', /absolute/],
    ['content\\..\\..\\x.md', /character/],
    ['content//x.md', /empty folder/],
    ['content/x\0.md', /NUL/],
    ['content/CON', /Windows reserves/],
    ['content/nul.md', /Windows reserves/],
    ['content/posts/aux.md', /Windows reserves/],
    ['content/LPT1.txt', /Windows reserves/],
    ['content/COM¹.md', /Windows reserves/],
    ['content/x.md.', /dot or space/],
    ['content/x.md ', /dot or space/],
    ['content/a:b.md', /character/],
    ['content/a\nb.md', /character/],
    [`content/${'x'.repeat(256)}.md`, /longer/]
  ])('refuses %j', (path, reason) => {
    expect(unsafePathReason(path)).toMatch(reason)
  })
})

describe('SiteFolder.resolve', () => {
  let temp: { path: string; cleanup: () => Promise<void> }
  let site: string
  beforeEach(async () => {
    temp = await makeTempDir('copydesk-safe-path-')
    site = join(temp.path, 'site')
    await mkdir(join(site, 'content'), { recursive: true })
    await mkdir(join(temp.path, 'elsewhere'))
  })
  afterEach(() => temp.cleanup())

  it('gives the absolute path inside the site folder', async () => {
    const folder = await SiteFolder.open(site)
    await expect(folder.resolve('content/posts/new.md')).resolves.toBe(join(site, 'content/posts/new.md'))
  })

  it('refuses a folder link that leads outside the site', async () => {
    await symlink(join(temp.path, 'elsewhere'), join(site, 'content/posts'))
    const folder = await SiteFolder.open(site)
    await expect(folder.resolve('content/posts/x.md')).rejects.toThrow(/link that leads outside/)
  })

  it('refuses a file link that leads outside the site', async () => {
    await symlink(join(temp.path, 'elsewhere/target.md'), join(site, 'content/x.md'))
    const folder = await SiteFolder.open(site)
    await expect(folder.resolve('content/x.md')).rejects.toThrow(/link that leads outside/)
  })

  it('accepts a link that stays inside the site', async () => {
    await mkdir(join(site, 'real'))
    await symlink(join(site, 'real'), join(site, 'content/posts'))
    const folder = await SiteFolder.open(site)
    await expect(folder.resolve('content/posts/x.md')).resolves.toBe(join(site, 'content/posts/x.md'))
  })

  it('works when the site folder itself is reached through a link', async () => {
    const link = join(temp.path, 'site-link')
    await symlink(site, link)
    const folder = await SiteFolder.open(link)
    await expect(folder.resolve('content/x.md')).resolves.toBe(join(link, 'content/x.md'))
  })

  it('refuses a missing site folder in plain words', async () => {
    await expect(SiteFolder.open(join(temp.path, 'missing'))).rejects.toThrow(/does not exist/)
  })
})
