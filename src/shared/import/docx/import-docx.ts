import JSZip from 'jszip'
import mammoth from 'mammoth'
import type { ImportContext } from '../import-context'
import { DOCX_IMAGE_PREFIX } from './image-prefix'
import { checkDocumentText } from './document-text'

/** An image found in the document, to be copied into the library's media folder under `src`'s placeholder. */
export interface DocxImage {
  /** The placeholder address the body refers to until the image is in the media folder. */
  src: string
  /** A file name for the media folder, e.g. "image-1.png". */
  name: string
  bytes: Uint8Array
}

export interface DocxHtml {
  html: string
  images: DocxImage[]
}

const extensions: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' }

// Word's own style names, plus Google Docs' "Title", and Word's and LibreOffice's quote styles for pull quotes.
const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  // LibreOffice Writer's block quotation style ("Quotations"; "Block Quotation" in its interface since 7.6).
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Block Quotation'] => blockquote > p:fresh",
  // Documents whose Quote style has no name, as some generators write them: matched by its id.
  'p.Quote => blockquote > p:fresh',
  'u => u',
  'strike => s'
]

/**
 * A Word document (.docx, as Word, LibreOffice and Google Docs save it) as an
 * HTML page for the HTML importer, through mammoth, which reads headings,
 * lists, tables, links, footnotes and images by their meaning rather than
 * their look. What it cannot carry is said in `ctx`.
 */
export async function docxToHtml(bytes: Uint8Array, ctx: ImportContext): Promise<DocxHtml> {
  const zip = await JSZip.loadAsync(bytes).catch(() => ctx.fail('it is not a Word document (.docx): the file is not a readable .docx package.'))
  const documentFile = zip.file('word/document.xml')
  if (!documentFile) ctx.fail('it is not a Word document (.docx): it has no word/document.xml.')
  // Before mammoth, which takes seconds over a long text: its length is known without reading it, and its words with one pass.
  const documentXml = await checkDocumentText(documentFile, ctx)
  warnDropped(documentXml, ctx)

  const images: DocxImage[] = []
  const convertImage = mammoth.images.imgElement(async (image) => {
    const extension = extensions[image.contentType]
    if (!extension) {
      ctx.warn(`An image of type ${image.contentType} was left out: the media folder takes PNG, JPEG, GIF, WebP and AVIF.`)
      return { src: '' }
    }
    const number = images.length + 1
    const src = `${DOCX_IMAGE_PREFIX}${number}.${extension}`
    images.push({ src, name: `image-${number}.${extension}`, bytes: new Uint8Array(await image.readAsArrayBuffer()) })
    return { src }
  })
  // mammoth's Node build hands `buffer` to JSZip, which reads any Uint8Array; src/shared has no Buffer type.
  const input = { buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0]
  const result = await mammoth.convertToHtml(input, { styleMap, convertImage })
  for (const message of result.messages) {
    // Unknown styles are read as plain paragraphs; the rest (unsupported elements) are worth telling.
    if (message.type === 'warning' && !/^Unrecognised (?:paragraph|run) style/.test(message.message)) ctx.warn(`Word document: ${message.message}`)
  }
  return { html: `<!doctype html><html><head></head><body><article>${result.value}</article></body></html>`, images }
}

/** What Word holds that an article has no place for, counted in the document's XML. */
function warnDropped(xml: string, ctx: ImportContext): void {
  const count = (pattern: RegExp): number => xml.match(pattern)?.length ?? 0
  const comments = count(/<w:commentReference\b/g)
  if (comments) ctx.warn(`${comments} comment${comments === 1 ? ' was' : 's were'} left out: articles keep review comments in Copydesk, not in the text.`)
  const insertions = count(/<w:ins\b/g)
  const deletions = count(/<w:del\b/g)
  if (insertions || deletions) ctx.warn('The document has tracked changes: they were imported as if accepted (insertions kept, deletions left out).')
  const textBoxes = count(/<w:txbxContent\b/g)
  if (textBoxes) ctx.warn(`${textBoxes} text box${textBoxes === 1 ? '' : 'es'} were read as ordinary paragraphs where they stood, or left out.`)
  if (/<w:footnoteReference\b|<w:endnoteReference\b/.test(xml)) ctx.warn('Footnotes were kept as a numbered list at the end of the article, each linked from its number.')
}
