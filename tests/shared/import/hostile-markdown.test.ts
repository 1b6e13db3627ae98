import { describe, expect, it } from 'vitest'
import { isSafeLinkUrl } from '../../../src/shared/article/urls'
import { importFixture, importOk, linksOf, nodesOf, outline } from './import-helpers'

describe('Markdown with hostile content', () => {
  const imported = importOk('hostile.md', importFixture('hostile.md'))
  const json = JSON.stringify(imported.fields.body)

  it('keeps YAML specials in the front matter as plain text', () => {
    expect(imported.fields).toMatchObject({
      title: "Yes: No — it's #1 @home & <script>alert('t')</script>",
      description: 'A description folded over two lines',
      tags: ['- dash', '2025', ': colon'],
      authors: ['@handle'],
      status: 'draft'
    })
  })

  it('keeps no script, event handler or unsafe address in the body', () => {
    expect(json).not.toMatch(/<script|document\.cookie|onerror|onclick|onmouseover|alert\((1|2|3|4|5|7|8|10|11)\)|vbscript|data:|evil\.example|password/i)
    for (const { href } of linksOf(imported.doc)) expect(isSafeLinkUrl(href)).toBe(true)
    for (const image of nodesOf(imported.doc, 'image')) expect(isSafeLinkUrl(String(image.attrs['src']))).toBe(true)
  })

  it('keeps the readable text, the safe link, the image and inline HTML formatting', () => {
    expect(outline(imported.doc)).toEqual([
      'paragraph: Intro with a script and bold html text.',
      'image:',
      'image:',
      'paragraph: Hover text survives as text.',
      'paragraph: Plain click and Mixed case and [Tabbed](java\tscript:alert(6)).',
      'paragraph: Encoded and vb and data link.',
      'paragraph: Raw HTML link next to a safe link.',
      'paragraph: ref link'
    ])
    expect(linksOf(imported.doc)).toEqual([{ text: 'safe link', href: 'https://example.com/ok' }])
    expect(nodesOf(imported.doc, 'image')[0]!.attrs).toMatchObject({ src: 'https://example.com/cat.jpg', alt: 'A cat' })
    // `**bold <b>html</b> text**`: the tag's bold inside the Markdown bold, as renderers show it.
    const bold = nodesOf(imported.doc, 'text').filter((node) => /bold|html|text$/.test(node.text ?? ''))
    expect(bold.map((node) => [node.text, node.marks.map((mark) => mark.type.name)])).toEqual([
      ['bold ', ['bold']],
      ['html', ['bold', 'nestedBold']],
      [' text', ['bold']]
    ])
  })

  it('says what it removed and which links it disarmed', () => {
    expect(imported.warnings).toEqual([
      'Removed 2 scripts, 1 embedded frame, 4 event handlers (onclick, onerror…) from the imported HTML.',
      'Raw HTML in the Markdown was read into the article’s own blocks and formatting, not kept as HTML: its attributes and layout were left out.',
      'The raw HTML element <script> was left out; an article has no such element (its text, if any, was kept). (2 times)',
      'The raw HTML element <iframe> was left out; an article has no such element (its text, if any, was kept).',
      'The raw HTML element <div> was left out; an article has no such element (its text, if any, was kept).',
      'The raw HTML element <style> was left out; an article has no such element (its text, if any, was kept).',
      'The raw HTML element <form> was left out; an article has no such element (its text, if any, was kept).',
      'The raw HTML element <button> was left out; an article has no such element (its text, if any, was kept).',
      'The raw HTML element <input> was left out; an article has no such element (its text, if any, was kept).',
      'A link to a “javascript:” address was turned into plain text: “Plain click”.',
      'A link to a “javascript:” address was turned into plain text: “Mixed case”.',
      'A link to a “javascript:” address was turned into plain text: “Encoded”.',
      'A link to a “vbscript:” address was turned into plain text: “vb”.',
      'A link to a “data:” address was turned into plain text: “data link”.',
      'A link to a “javascript:” address was turned into plain text: “Raw HTML link”.',
      'An image with a “data:” address was left out: “Tracking pixel”.',
      'A link to a “javascript:” address was turned into plain text: “ref link”.'
    ])
  })

  it('disarms unsafe links however they are hidden', () => {
    const sneaky = [
      '[spaces]( javascript:alert(1))',
      '[newline](<java\nscript:alert(1)>)',
      '[entity](&#x6A;&#x61;&#x76;&#x61;script:alert(1))',
      '[upper](JAVASCRIPT:alert(1))',
      '<a href=" &#14;javascript:alert(1)">control</a>',
      '<javascript:alert(1)>',
      '![img](javascript:alert(1))'
    ].join('\n\n')
    const result = importOk('sneaky.md', sneaky)
    expect(linksOf(result.doc)).toEqual([])
    expect(nodesOf(result.doc, 'image')).toEqual([])
    expect(JSON.stringify(result.fields.body)).not.toMatch(/"href"|"src"/)
  })
})
