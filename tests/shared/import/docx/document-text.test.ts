import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { bodyStats } from '../../../../src/shared/article/body'
import { parseDocxFile } from '../../../../src/shared/import'
import { DOCUMENT_XML_CAP, documentWords } from '../../../../src/shared/import/docx/document-text'
import { IMPORT_MAX_WORDS } from '../../../../src/shared/import/size-caps'

/**
 * A Word document's words are counted in its XML before mammoth converts it
 * (which takes seconds over a long text), and a document whose text is far
 * past the word cap is refused without even being inflated.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const paragraphXml = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
const documentXml = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`

/** The smallest package mammoth reads: content types, the package's relationships and the document. */
async function docxOf(xml: string, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  )
  zip.file('word/document.xml', xml)
  return zip.generateAsync({ type: 'uint8array', compression })
}
const sentence = (words: number): string => Array.from({ length: words }, (_, i) => `w${i % 10}`).join(' ')
/** Paragraphs of 400 words: the text is what is measured, and fewer paragraphs keep the test quick. */
const longDocument = (words: number): string => documentXml(Array.from({ length: Math.ceil(words / 400) }, (_, i) => paragraphXml(sentence(Math.min(400, words - i * 400)))).join(''))

describe('a Word document’s words, counted before it is converted', () => {
  it('counts words as the article will: runs of a paragraph join, paragraphs part, entities are characters', () => {
    const xml = documentXml(
      '<w:p><w:r><w:t>Hel</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>lo</w:t></w:r><w:r><w:t xml:space="preserve"> there, AT&amp;T</w:t></w:r></w:p>' +
        paragraphXml('two words') +
        '<w:p><w:r><w:delText>deleted text</w:delText></w:r><w:r><w:t/></w:r></w:p>'
    )
    expect(documentWords(xml)).toBe(6)
  })

  it('imports a document of exactly 200,000 words, and refuses one word more before converting it', async () => {
    const atCap = await parseDocxFile('long.docx', await docxOf(longDocument(IMPORT_MAX_WORDS)))
    expect(bodyStats(atCap.fields.body!).words).toBe(IMPORT_MAX_WORDS)
    await expect(parseDocxFile('longer.docx', await docxOf(longDocument(IMPORT_MAX_WORDS + 1)))).rejects.toThrow(
      'longer.docx: it holds 200,001 words; Copydesk imports up to 200,000 words per article. Split it into several articles and import each.'
    )
  })

  it('refuses a document whose text takes more than 32 MB of XML, from the package’s directory, unread', async () => {
    const paragraph = paragraphXml(sentence(40))
    const huge = documentXml(paragraph.repeat(Math.ceil(DOCUMENT_XML_CAP / paragraph.length) + 1))
    await expect(parseDocxFile('huge.docx', await docxOf(huge))).rejects.toThrow(
      /^huge\.docx: its text takes 3\d MB inside the file \(images not counted\), far more than the 200,000 words Copydesk imports as one article\. Split it into several documents and import each\.$/
    )
  })
})
