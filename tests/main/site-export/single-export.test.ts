import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportHtml, profiles } from '../../../src/shared/export'
import type { Library } from '../../../src/main/library/library'
import { exportOneArticle, saveOneArticle } from '../../../src/main/site-export/single-export'
import { netflixArticle } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { exportContext } from '../../../src/main/site-export/context'
import { fixtureLibrary, imageNode, tinyPng } from './fixture-library'

const today = '2025-11-01'
const netflix = netflixArticle()
let temp: { path: string; cleanup: () => Promise<void> }
let library: Library

beforeEach(async () => {
  temp = await makeTempDir('copydesk-single-export-')
  library = await fixtureLibrary(join(temp.path, 'library'))
})
afterEach(async () => {
  await library.close()
  await temp.cleanup()
})

describe('exporting one article', () => {
  it('previews what the core renders, with a file name from the slug', async () => {
    const html = await exportOneArticle(library, { id: netflix.id, format: 'html' }, today)
    expect(html.fileName).toBe(`${netflix.slug}.html`)
    expect(html.content).toBe(exportHtml(await library.getArticle(netflix.id), (await exportContext(library, today)).ctx).content)
    expect((await exportOneArticle(library, { id: netflix.id, format: 'markdown', profile: 'astro' }, today)).fileName).toBe(`${netflix.slug}.mdx`)
  })

  it('saves the page with its images beside it, so it shows them, and never replaces a file already there', async () => {
    const { src } = await library.addMedia('photo.png', tinyPng)
    await library.saveArticle(netflix.id, { body: { ...netflix.body, content: [imageNode(src, 'A photo'), ...netflix.body.content] } })
    const out = join(temp.path, 'out')
    await mkdir(join(out, 'media'), { recursive: true })
    const theirs = join(out, 'media/unrelated.png')
    await writeFile(theirs, 'not ours')

    await saveOneArticle(library, { id: netflix.id, format: 'html' }, join(out, 'netflix.html'), today)
    const page = await readFile(join(out, 'netflix.html'), 'utf8')
    expect(page).toContain(`src="${src}"`)
    expect(await readFile(join(out, src))).toEqual(tinyPng)
    expect(await readFile(theirs, 'utf8')).toBe('not ours')

    await writeFile(join(out, src), 'edited by the user')
    await saveOneArticle(library, { id: netflix.id, format: 'html' }, join(out, 'netflix.html'), today)
    expect(await readFile(join(out, src), 'utf8')).toBe('edited by the user')
  })

  it('reports a folder it cannot write to in plain words', async () => {
    await expect(saveOneArticle(library, { id: netflix.id, format: 'html' }, join(temp.path, 'missing/netflix.html'), today)).rejects.toThrow(/does not exist/)
  })

  it('writes the Jekyll or Hugo site kit beside a Markdown file when asked, laid out as in the site root, and only then', async () => {
    for (const profile of ['jekyll', 'hugo'] as const) {
      const out = join(temp.path, `out-${profile}`)
      await mkdir(out)
      await saveOneArticle(library, { id: netflix.id, format: 'markdown', profile }, join(out, 'netflix.md'), today)
      expect(await readdir(out)).toEqual(['netflix.md'])
      await saveOneArticle(library, { id: netflix.id, format: 'markdown', profile, withSiteKit: true }, join(out, 'netflix.md'), today)
      const kit = profiles[profile].siteKit()
      expect(kit.length).toBeGreaterThan(0)
      for (const file of kit) expect(await readFile(join(out, file.path), 'utf8')).toBe(file.content)
    }
  })
})
