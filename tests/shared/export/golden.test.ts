import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportHtml, exportMarkdown } from '../../../src/shared/export'
import { netflixArticle } from '../../fixtures/netflix'
import { fixtureContext } from './support/body'

/**
 * The fixture article's exports, byte for byte. A change to any output shows
 * up here as a readable diff; when it is intended, regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts tests/shared/export/golden.test.ts
 * and review the diff of tests/fixtures/export/ before committing. What the
 * outputs must contain is checked by the other tests in this folder.
 */
const goldenDir = join(import.meta.dirname, '../../fixtures/export')

const outputs: Record<string, () => string> = {
  'netflix.html': () => exportHtml(netflixArticle(), fixtureContext()).content,
  'netflix.fragment.html': () => exportHtml(netflixArticle(), fixtureContext(), { fragment: true }).content,
  'netflix.hugo.md': () => exportMarkdown(netflixArticle(), fixtureContext(), 'hugo').content,
  'netflix.jekyll.md': () => exportMarkdown(netflixArticle(), fixtureContext(), 'jekyll').content,
  'netflix.astro.mdx': () => exportMarkdown(netflixArticle(), fixtureContext(), 'astro').content,
  'netflix.plain.md': () => exportMarkdown(netflixArticle(), fixtureContext(), 'plain').content
}

describe('golden exports of the fixture article', () => {
  it.each(Object.keys(outputs))('%s matches its golden file', async (name) => {
    const content = outputs[name]!()
    const file = join(goldenDir, name)
    if (process.env['UPDATE_GOLDEN']) await writeFile(file, content)
    expect(content).toBe(await readFile(file, 'utf8'))
  })

  it.each(Object.keys(outputs))('%s is the same bytes on every export, whatever order the library lists promos and related articles in', (name) => {
    const first = outputs[name]!()
    const ctx = fixtureContext()
    const reordered = { ...ctx, promos: [...ctx.promos].reverse(), related: new Map([...ctx.related!].reverse()) }
    const again = name.endsWith('html')
      ? exportHtml(netflixArticle(), reordered, { fragment: name.includes('fragment') }).content
      : exportMarkdown(netflixArticle(), reordered, name.split('.')[1] as 'hugo').content
    expect(again).toBe(first)
  })
})
