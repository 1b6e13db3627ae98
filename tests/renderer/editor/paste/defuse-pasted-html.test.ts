import { parse, serialize } from 'parse5'
import { describe, expect, it } from 'vitest'
import { BLOCKS_PER_PIECE, defusedPieces } from '../../../../src/renderer/src/editor/paste/defuse-pasted-html'
import { KEPT_STYLE } from '../../../../src/renderer/src/editor/paste/kept-style'
import { clipboardHtml, largeWordPaste } from '../../../fixtures/clipboard'

/** The text a browser would show of some HTML, whitespace folded. */
const textOf = (html: string): string =>
  serialize(parse(html))
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
const paragraphs = (count: number, attributes = ''): string[] => Array.from({ length: count }, (_, i) => `<p${attributes}>Paragraph ${i + 1}</p>`)

describe('a large paste, parsed off the window’s thread', () => {
  it('keeps every style where the cleaner reads it, and drops the scripts, style sheets and handlers the window would refuse', () => {
    const [piece] = defusedPieces(clipboardHtml('hostileWeb') + clipboardHtml('word'))
    // Comments (Word's VML among them) are never parsed as elements.
    expect(piece!.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i)
    expect(piece).toContain(`${KEPT_STYLE}="text-indent:-18.0pt;mso-list:l0 level1 lfo1"`)
  })

  it('cuts the blocks into pieces without losing, reordering or doubling any, and keeps a Word list whole across a cut', () => {
    const list = paragraphs(10, ' class="MsoListParagraph" style="mso-list:l0 level1 lfo1"')
    const blocks = [...paragraphs(BLOCKS_PER_PIECE - 5), ...list, ...paragraphs(2 * BLOCKS_PER_PIECE)]
    const pieces = defusedPieces(`<html><body>${blocks.join('\n')}</body></html>`)
    expect(textOf(pieces.join(''))).toBe(textOf(blocks.join('')))
    const blockCounts = pieces.map((piece) => piece.match(/<p[ >]/g)!.length)
    expect(blockCounts).toEqual([BLOCKS_PER_PIECE + 5, BLOCKS_PER_PIECE, BLOCKS_PER_PIECE])
    expect(pieces[0]).toMatch(/Paragraph 10<\/p>$/)
  })

  it('looks through a lone page wrapper and Google Docs’ wrapper, but keeps a bold one', () => {
    const inner = paragraphs(BLOCKS_PER_PIECE + 1).join('')
    expect(defusedPieces(`<body><main><div>${inner}</div></main></body>`)).toHaveLength(2)
    expect(defusedPieces(`<body><b style="font-weight:normal;" id="docs-internal-guid-1">${inner}</b></body>`)).toHaveLength(2)
    const bold = defusedPieces(`<body><b style="font-weight:700" id="docs-internal-guid-1">${inner}</b></body>`)
    expect(bold).toHaveLength(1)
    expect(bold[0]).toMatch(/^<b /)
    expect(defusedPieces(`<body><div data-type="faq">${inner}</div></body>`)).toHaveLength(1)
  })

  it('reads a paste nested far deeper than any document, without running out of stack', () => {
    const depth = 100_000
    const [piece] = defusedPieces(`<body><p>${'<span style="x">'.repeat(depth)}deep${'</span>'.repeat(depth)}</p></body>`)
    expect(piece).toContain('deep')
    expect(piece).not.toContain(' style=')
  })

  it('reads a long Word document whole, in pieces', () => {
    const html = largeWordPaste(256 * 1024)
    const pieces = defusedPieces(html)
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.join('').match(/<table/g)).toHaveLength(html.match(/<table/g)!.length)
    expect(textOf(pieces.join(''))).toBe(textOf(html.replace(/<head>[\s\S]*<\/head>/, '')))
  })
})
