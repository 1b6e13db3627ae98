import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, CommentRangeStart, CommentRangeEnd, CommentReference } from 'docx'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bodyText } from '../../../src/shared/article/body'
import { parseDocxFile, type ImportedArticle } from '../../../src/shared/import'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'

// A 1×1 PNG.
const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))

/** A Word document as the `docx` library writes it: what a writer's draft holds. */
async function writersDraft(): Promise<Uint8Array> {
  const doc = new Document({
    comments: { children: [{ id: 0, author: 'Editor', date: new Date('2025-01-01'), children: [new Paragraph('Check this figure.')] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Moving a blog to Hugo', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Plain, '),
              new TextRun({ text: 'bold', bold: true }),
              new TextRun(', '),
              new TextRun({ text: 'italic', italics: true }),
              new TextRun(', '),
              new TextRun({ text: 'underlined', underline: {} }),
              new TextRun(', '),
              new TextRun({ text: 'struck', strike: true }),
              new TextRun(' and '),
              new ExternalHyperlink({ link: 'https://gohugo.io/', children: [new TextRun('a link')] }),
              new TextRun('.')
            ]
          }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun('Sales doubled.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          new Paragraph({ text: 'Steps', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Export the posts', bullet: { level: 0 } }),
          new Paragraph({ text: 'With their images', bullet: { level: 1 } }),
          new Paragraph({ text: 'Build the site', bullet: { level: 0 } }),
          new Paragraph({ text: 'Deep detail', heading: HeadingLevel.HEADING_5 }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Step')] }), new TableCell({ children: [new Paragraph('Time')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Sync')] }), new TableCell({ children: [new Paragraph('20 s')] })] })
            ]
          }),
          new Paragraph({ text: 'Static sites are boring, and that is the point.', style: 'Quote' }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 }, altText: { name: 'dot', title: 'A red dot', description: 'A red dot' } })]
          }),
          new Paragraph({ text: 'FAQ', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Do I need a server?', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('No. Any static host will do.'),
          new Paragraph({ text: 'Can I keep my URLs?', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Yes, with permalinks.')
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

const types = (nodes: readonly { type: string }[] = []): string[] => nodes.map((node) => node.type)

describe('Word (.docx) import of a document written by the docx library', () => {
  let imported: ImportedArticle
  beforeAll(async () => {
    imported = await parseDocxFile('draft.docx', await writersDraft())
  }, 60_000)

  it('takes the first Heading 1 as the title and keeps heading levels, lists, tables, quotes and the image', () => {
    expect(imported.fields.title).toBe('Moving a blog to Hugo')
    const body = imported.fields.body!
    toProseMirror(body)
    expect(types(body.content)).toEqual(['paragraph', 'paragraph', 'heading', 'bulletList', 'heading', 'table', 'blockquote', 'image', 'faq'])
    expect(body.content.filter((node) => node.type === 'heading').map((node) => node.attrs?.['level'])).toEqual([2, 5])
    const list = body.content.find((node) => node.type === 'bulletList')!
    expect(types(list.content![0]!.content)).toEqual(['paragraph', 'bulletList'])
    const image = body.content.find((node) => node.type === 'image')!
    expect(image.attrs?.['alt']).toBe('A red dot')
    expect(imported.images).toHaveLength(1)
    expect(imported.images![0]!.src).toBe(image.attrs?.['src'])
    expect([...imported.images![0]!.bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47])
  })

  it('keeps bold, italic, underline, strikethrough and links', () => {
    const marks = imported.fields.body!.content[0]!.content!.map((node) => `${node.text}:${(node.marks ?? []).map((mark) => mark.type).join('+')}`)
    expect(marks).toEqual(['Plain, :', 'bold:bold', ', :', 'italic:italic', ', :', 'underlined:underline', ', :', 'struck:strike', ' and :', 'a link:link', '.:'])
  })

  it('finds the FAQ section as the HTML import does', () => {
    const faq = imported.fields.body!.content.find((node) => node.type === 'faq')!
    expect(faq.content!.map((item) => item.content![0]!.content![0]!.text)).toEqual(['Do I need a server?', 'Can I keep my URLs?'])
  })

  it('says what it left out: the comment', () => {
    expect(imported.warnings).toContain('1 comment was left out: articles keep review comments in Copydesk, not in the text.')
  })

  it('refuses a file that is not a Word document, in plain words', async () => {
    await expect(parseDocxFile('notes.docx', new TextEncoder().encode('just text'))).rejects.toThrow('notes.docx: it is not a Word document (.docx)')
  })
})

/**
 * Word documents LibreOffice Writer 7.4 wrote (Debian's libreoffice-writer,
 * converting the HTML beside each fixture headless:
 * `soffice --headless --infilter='HTML (StarWriter)' --convert-to 'docx:MS Word 2007 XML' x.html`):
 * styles "Heading 1", "Body Text" and "Quotations", lists through numbering.
 * The seed sample is the writer's text of the Netflix story, whole.
 */
describe('Word (.docx) import of documents written by LibreOffice', () => {
  const libreOffice = async (name: string): Promise<ImportedArticle> =>
    parseDocxFile(`${name}.docx`, new Uint8Array(await readFile(join(import.meta.dirname, '../../fixtures/import/libreoffice', `${name}.docx`))))

  it('imports the seed sample whole: title, headings, the quote, the link and its five FAQ questions (their “Q1:” numbering dropped)', async () => {
    const imported = await libreOffice('netflix-generative-ai')
    expect(imported.fields.title).toBe('Netflix Bets Big on Generative AI While Entertainment Industry Divides')
    const body = imported.fields.body!
    toProseMirror(body)
    expect(body.content.filter((node) => node.type === 'heading').map((node) => node.content![0]!.text)).toEqual([
      'AI as a Tool, Not a Replacement',
      'AI Concerns in Hollywood',
      'The Sora Controversy',
      'Netflix’s Latest Financial Results'
    ])
    const quotes = body.content.filter((node) => node.type === 'blockquote')
    expect(quotes.map((quote) => quote.content![0]!.content![0]!.text)).toEqual(['“We’re not worried about AI replacing creativity,” he told investors.'])
    expect(JSON.stringify(body)).toContain('{"type":"link","attrs":{"href":"https://openai.com/index/sora-2/"')
    const faq = body.content.find((node) => node.type === 'faq')!
    expect(faq.content!.map((item) => item.content![0]!.content![0]!.text)).toEqual([
      'How is Netflix using AI in filmmaking?',
      'What did Netflix’s CEO say about AI and creativity?',
      'Has Netflix used AI in any of its shows or movies?',
      'Why are actors and artists concerned about AI?',
      'What is Sora 2, and why is it controversial?'
    ])
    expect(bodyText(body)).toContain('However, this number still fell short of the company’s forecast.')
    expect(bodyText(body)).toContain('Written by Hajra Naz')
  })

  it('keeps marks, the link and nested lists written through numbering', async () => {
    const imported = await libreOffice('lists')
    const body = imported.fields.body!
    expect(imported.fields.title).toBe('Moving a blog')
    expect(types(body.content)).toEqual(['paragraph', 'bulletList', 'orderedList'])
    const marks = body.content[0]!.content!.map((node) => `${node.text}:${(node.marks ?? []).map((mark) => mark.type).join('+')}`)
    expect(marks).toEqual(['Steps, with :', 'bold:bold', ', :', 'italic:italic', ' and :', 'a link:link', '.:'])
    expect(types(body.content[1]!.content![0]!.content)).toEqual(['paragraph', 'bulletList'])
    expect(bodyText(body)).toBe('Steps, with bold, italic and a link.\nExport the posts\nWith their images\nBuild the site\nFirst\nSecond')
  })
})
