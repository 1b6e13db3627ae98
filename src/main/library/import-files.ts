import type { Article, EditableFields } from '../../shared/article/article'
import { isImageNode, type BodyNode } from '../../shared/article/body'
import { isDocxName, parseDocxFile, parseImportFile, type ImportedArticle } from '../../shared/import'
import { DOCX_IMAGE_PREFIX } from '../../shared/import/docx/import-docx'
import { UserError } from '../../shared/ipc/result'
import type { ImportReport } from '../../shared/library-api'
import { reasonOf } from './article-files'

export interface ImportFile {
  name: string
  /** Text, or the bytes of a Word document. */
  content: string | Uint8Array
}

type AddMedia = (name: string, bytes: Uint8Array) => Promise<{ src: string }>

/**
 * Imports files one by one: each is parsed by the shared importer, then
 * created as a new article (new id, timestamps, unique slug, defaults,
 * checked before anything is written). A file that fails is reported with
 * its reason and leaves nothing behind; the others still import.
 */
export async function importArticles(files: ImportFile[], create: (fields: Partial<EditableFields>) => Promise<Article>, addMedia: AddMedia): Promise<ImportReport> {
  const report: ImportReport = { imported: [], failed: [] }
  for (const file of files) {
    try {
      const { fields, warnings } = await parseFile(file, addMedia)
      const article = await create(fields)
      report.imported.push({ file: file.name, id: article.id, title: article.title, warnings })
    } catch (error) {
      const reason = error instanceof UserError ? error.message : `It could not be read: ${reasonOf(error)}.`
      report.failed.push({ file: file.name, reason })
    }
  }
  return report
}

async function parseFile(file: ImportFile, addMedia: AddMedia): Promise<ImportedArticle> {
  if (!isDocxName(file.name)) {
    if (typeof file.content !== 'string') throw new UserError('invalid-input', `${file.name}: only Word documents (.docx) are read as bytes.`)
    return parseImportFile(file.name, file.content)
  }
  if (typeof file.content === 'string') throw new UserError('invalid-input', `${file.name}: a Word document must be sent as bytes, not text.`)
  const imported = await parseDocxFile(file.name, file.content)
  const placed = new Map<string, string>()
  for (const image of imported.images ?? []) {
    try {
      placed.set(image.src, (await addMedia(image.name, image.bytes)).src)
    } catch (error) {
      imported.warnings.push(`An image of the document could not be added to the media folder and was left out: ${reasonOf(error)}.`)
    }
  }
  if (imported.fields.body) imported.fields.body = { ...imported.fields.body, content: placeImages(imported.fields.body.content, placed) }
  return imported
}

/** The body with each embedded image pointing at its copy in the media folder; one that could not be copied is left out. */
function placeImages(nodes: BodyNode[], placed: ReadonlyMap<string, string>): BodyNode[] {
  return nodes.flatMap((node): BodyNode[] => {
    if (isImageNode(node) && typeof node.attrs?.['src'] === 'string' && node.attrs['src'].startsWith(DOCX_IMAGE_PREFIX)) {
      const src = placed.get(node.attrs['src'])
      return src ? [{ ...node, attrs: { ...node.attrs, src } }] : []
    }
    return node.content ? [{ ...node, content: placeImages(node.content, placed) }] : [node]
  })
}
