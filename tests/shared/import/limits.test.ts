import { describe, expect, it } from 'vitest'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { ImportContext } from '../../../src/shared/import/import-context'
import { parseMarkdown } from '../../../src/shared/import/markdown/parse-markdown'
import { mdastToBody } from '../../../src/shared/import/mdast/to-body'
import { IMPORT_MAX_WORDS, importSizeCaps } from '../../../src/shared/import/size-caps'
import { bodyStats } from '../../../src/shared/article/body'
import { faqsOf, importFixture, importOk, importRefused, longMarkdown, longPage, nodesOf } from './import-helpers'

const MB = 1024 * 1024
const bodyOf = (markdown: string): string => markdown.replace(/^---\n[\s\S]*?\n---\n/, '')

describe('files Copydesk cannot read', () => {
  it('refuses empty files', () => {
    expect(importRefused('empty.md', '')).toBe('empty.md: the file is empty.')
    expect(importRefused('blank.html', ' \n\t\n')).toBe('blank.html: the file is empty.')
  })

  it('refuses binary files whatever their name', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)])
    const message = 'this is not a text file (it contains binary data). Import Markdown, HTML or Copydesk article files.'
    expect(importRefused('photo.md', png.toString('utf8'))).toBe(`photo.md: ${message}`)
    expect(importRefused('notes', png.toString('latin1'))).toBe(`notes: ${message}`)
    const highBytes = Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 31) % 128)))
    expect(importRefused('data.html', highBytes.toString('utf8'))).toBe(`data.html: ${message}`)
  })

  it('warns about text that is not UTF-8 but still imports it', () => {
    const imported = importOk('latin1.md', Buffer.from('Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9 and a long enough sentence around it.', 'latin1').toString('utf8'))
    expect(imported.warnings).toContain('Some characters could not be read: the file may not be saved as UTF-8.')
    expect(imported.doc.textContent).toContain('Caf\uFFFD cr\uFFFDme')
  })

  it('refuses a frameset page, which has no article body', () => {
    expect(importRefused('frames.html', '<html><frameset><frame src="a.html"></frameset></html>')).toBe(
      'frames.html: it has no page body (it is a frameset); open the framed page and save that instead.'
    )
  })

  it('refuses formats it does not know', () => {
    expect(importRefused('report.pdf', '%PDF-1.7…')).toBe('report.pdf: “.pdf” files cannot be imported. Import Markdown (.md), HTML (.html), Word (.docx) or Copydesk article (.json) files.')
  })

  it('refuses files over 20 MB with their size', () => {
    expect(importRefused('huge.md', 'a'.repeat(21 * MB))).toBe('huge.md: the file is 21.0 MB; Copydesk imports files up to 20 MB.')
    // Counted in UTF-8 bytes, not characters: 7.5 million “é” are 15 MB.
    expect(importRefused('accents.md', '\u00e9'.repeat(11 * MB))).toBe('accents.md: the file is 22.0 MB; Copydesk imports files up to 20 MB.')
  })

  it('refuses nesting too deep to walk, in Markdown and in HTML', () => {
    expect(importRefused('quotes.md', `${'>'.repeat(5000)} deep`)).toBe('quotes.md: the document is nested more than 100 levels deep (quotes, lists or formatting inside each other).')
    expect(importRefused('list.md', Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'))).toMatch(/nested more than 100 levels deep/)
    expect(importRefused('divs.html', `${'<div>'.repeat(20_000)}deep`)).toBe(
      'divs.html: its structure is too deep or too wide to import (too many elements inside one another or side by side).'
    )
  })

  it('refuses Markdown whose lines or single blocks would take minutes to parse', () => {
    // Under the size cap: short lines are what make a list slow.
    expect(importRefused('list.md', '- a\n'.repeat(250_000))).toBe('list.md: it has 250,001 lines; Copydesk imports Markdown of up to 200,000 lines.')
    expect(importRefused('table.md', `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(60_000)}`)).toBe(
      'table.md: it has a single table, list or quote of more than 512 KB with no blank line to cut it at; split it to import the file.'
    )
  })

  it('imports a page of a hundred and twenty thousand paragraphs side by side', () => {
    // One word each: 120,000 paragraphs stay under the word cap.
    const imported = importOk('wide.html', `<body>${'<p>Line.</p>'.repeat(120_000)}</body>`)
    expect(imported.doc.childCount).toBe(120_000)
  })
})

describe('the size caps, set so that real content under them reads within the time budget', () => {
  it('imports Markdown of real content just under its 1 MB cap, and refuses it just over with the size and what to do', () => {
    const { markdown, parts } = longMarkdown(importSizeCaps.markdown)
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(importSizeCaps.markdown - 8 * 1024)
    const imported = importOk('long.md', markdown)
    expect(faqsOf(imported.doc)).toHaveLength(parts)
    expect(nodesOf(imported.doc, 'promoSlot')).toHaveLength(parts * 2)
    expect(imported.doc.textContent).toContain(`Part ${parts}`)

    const over = `${markdown}\n\n${'One more paragraph of the same article. '.repeat(300)}`
    expect(importRefused('long.md', over)).toBe(
      'long.md: the file is 1.1 MB; Copydesk imports Markdown files of up to 1 MB, which it reads in a few seconds. Split it into smaller files and import each.'
    )
    expect(importRefused('book.md', longMarkdown(10 * MB).markdown)).toMatch(/^book\.md: the file is 10\.0 MB; Copydesk imports Markdown files of up to 1 MB/)
  })

  it('imports a long page of real content, and refuses one over 2 MB of markup with the size and what to do', () => {
    // This page's markup is lean: 2 MB of it hold 311,000 words, past the word cap, so the page imported is cut to 60% of that.
    const { html, parts } = longPage(importSizeCaps.html * 0.6)
    const imported = importOk('long.html', html)
    expect(bodyStats(imported.fields.body!).words).toBeGreaterThan(0.9 * IMPORT_MAX_WORDS)
    expect(imported.doc.textContent).toContain(`Part ${parts}`)
    expect(importRefused('long.html', longPage(3 * MB).html)).toMatch(
      /^long\.html: the page holds 3\.\d MB of text and markup \(not counting scripts, styles and embedded images\); Copydesk imports pages of up to 2 MB, which it reads in a few seconds\. Save only the article, or split the page, and import that\.$/
    )
  })

  it('imports a 10 MB saved page whose weight is inline images and scripts, which the cap does not count', () => {
    const page = importFixture('saved-news-page.html')
    const inlineImage = `<img src="data:image/jpeg;base64,${'/9j/4AAQSkZJRgABAQ'.repeat((7 * MB) / 18)}" alt="Inline photo">`
    const bundle = `<script>${'window.__STATE__.push({"id":1,"tracking":true});\n'.repeat((4 * MB) / 50)}</script>`
    const heavy = page.replace('<h2>How to keep your bill down</h2>', `${inlineImage}${bundle}<h2>How to keep your bill down</h2>`)
    expect(heavy.length).toBeGreaterThan(10 * MB)
    const imported = importOk('heavy.html', heavy)
    expect(imported.fields.title).toBe('Streaming Wars: What the Price Hikes Mean for You')
    expect(faqsOf(imported.doc)[0]!.items).toHaveLength(3)
    expect(imported.warnings).toContain('An image with a “data:” address was left out: “Inline photo”.')
    expect(JSON.stringify(imported.fields.body)).not.toContain('__STATE__')
  })
})

describe('large Markdown is parsed in pieces', () => {
  it('gives the same body as parsing in one piece, whatever the piece size', () => {
    const tricky = [
      'Reference links defined at the end: [one][a] and [two][b].',
      '```js\nconst x = 1\n\nfunction f() {}\n\nconsole.log(x)\n```',
      '<!-- a comment\n\nthat spans blank lines\n\n-->',
      '1. first\n\n2. second\n\n3. third',
      '- loose\n\n  continued item paragraph\n\n- next item',
      '> quote\n\n> another quote',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      'Term with footnote.[^n]\n\n[^n]: The note.',
      '[a]: https://example.com/a\n[b]: https://example.com/b "B"'
    ].join('\n\n')
    const text = ['netflix-generative-ai.md', 'hugo-post.md', '2024-03-05-moving-from-wordpress-to-jekyll.md', 'hostile.md']
      .map((name) => bodyOf(importFixture(name)))
      .concat(tricky)
      .join('\n\n')
    const body = (chunkSize: number) => mdastToBody(parseMarkdown(text, new ImportContext('x.md'), chunkSize), new ImportContext('x.md'))
    const whole = body(Number.POSITIVE_INFINITY)
    expect(() => toProseMirror(whole)).not.toThrow()
    for (const size of [512, 2048, 8192]) expect(body(size)).toEqual(whole)
  })
})
