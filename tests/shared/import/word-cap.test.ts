import { describe, expect, it } from 'vitest'
import { bodyStats } from '../../../src/shared/article/body'
import { IMPORT_MAX_WORDS } from '../../../src/shared/import/size-caps'
import { importFixture, importOk, importRefused } from './import-helpers'

/**
 * An imported article holds at most IMPORT_MAX_WORDS words, whatever the
 * format, so that the editor opens it without hanging and the whole import
 * ends within seconds; one word more is refused with the count and what to do.
 */
const PER_PARAGRAPH = 40
/** `words` short words in paragraphs of forty (the last one shorter). */
const paragraphs = (words: number): string[] => {
  const out: string[] = []
  for (let left = words; left > 0; left -= PER_PARAGRAPH) out.push(Array.from({ length: Math.min(PER_PARAGRAPH, left) }, (_, i) => `w${i % 10}`).join(' '))
  return out
}
const jsonOf = (words: number): string =>
  JSON.stringify({
    ...(JSON.parse(importFixture('../netflix/article.json')) as Record<string, unknown>),
    body: { type: 'doc', content: paragraphs(words).map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
  })
const refusal = (name: string, words: number): string =>
  `${name}: it holds ${words.toLocaleString('en')} words; Copydesk imports up to 200,000 words per article. Split it into several articles and import each.`

describe('the word cap on an imported article', () => {
  it('is 200,000 words', () => {
    expect(IMPORT_MAX_WORDS).toBe(200_000)
  })

  it('imports a Copydesk JSON article of exactly 200,000 words, and refuses one ten times longer, though far under 20 MB', () => {
    const imported = importOk('long.json', jsonOf(IMPORT_MAX_WORDS))
    expect(bodyStats(imported.fields.body!).words).toBe(IMPORT_MAX_WORDS)
    expect(importRefused('longer.json', jsonOf(IMPORT_MAX_WORDS + 1))).toBe(refusal('longer.json', IMPORT_MAX_WORDS + 1))
    const tenTimes = jsonOf(10 * IMPORT_MAX_WORDS)
    expect(tenTimes.length).toBeLessThan(20 * 1024 * 1024)
    expect(importRefused('tenfold.json', tenTimes)).toBe(refusal('tenfold.json', 10 * IMPORT_MAX_WORDS))
  })

  // The same check takes every format read through HTML or Markdown (Word documents too, after mammoth).
  it('refuses an HTML page of more words than that', () => {
    const page = `<!doctype html><html><body><article>${paragraphs(IMPORT_MAX_WORDS + 40).map((text) => `<p>${text}</p>`).join('')}</article></body></html>`
    expect(importRefused('page.html', page)).toBe(refusal('page.html', IMPORT_MAX_WORDS + 40))
  })
})
