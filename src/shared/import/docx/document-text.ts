import type JSZip from 'jszip'
import { countWords } from '../../article/body'
import type { ImportContext } from '../import-context'
import { checkWordCount, IMPORT_MAX_WORDS } from '../size-caps'

const MB = 1024 * 1024

/**
 * The most XML a document's text may take: generous for a Word document at
 * the word cap (Word writes 10 to 60 bytes of markup a word), so only a
 * document far past it is refused unread (a 195,000-paragraph one holds 78 MB).
 */
export const DOCUMENT_XML_CAP = 32 * MB

/** JSZip's record of an entry's size, from the package's directory: known before the entry is inflated, and checked against it after. */
const declaredSize = (file: JSZip.JSZipObject): number | undefined =>
  (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize as number | undefined

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decodeEntities = (text: string): string =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    const code = hex ? parseInt(hex, 16) : decimal ? parseInt(decimal, 10) : undefined
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : ''
    return entities[name!] ?? whole
  })

/** Words in a document's text runs, a paragraph at a time (runs of a paragraph join with no space, as Word shows them). */
export function documentWords(xml: string): number {
  const pattern = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g
  let words = 0
  let paragraph = ''
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    if (match[1] === undefined) {
      words += countWords(decodeEntities(paragraph))
      paragraph = ''
    } else paragraph += match[1]
  }
  return words + countWords(decodeEntities(paragraph))
}

/**
 * The document's XML, once its size and its words are within what Copydesk
 * imports; a document past them is refused in words, before mammoth spends
 * seconds converting it.
 */
export async function checkDocumentText(file: JSZip.JSZipObject, ctx: ImportContext): Promise<string> {
  const size = declaredSize(file)
  if (size !== undefined && size > DOCUMENT_XML_CAP) {
    ctx.fail(
      `its text takes ${Math.round(size / MB)} MB inside the file (images not counted), far more than the ${IMPORT_MAX_WORDS.toLocaleString('en')} words Copydesk imports as one article. Split it into several documents and import each.`
    )
  }
  const xml = await file.async('string')
  checkWordCount(documentWords(xml), ctx)
  return xml
}
