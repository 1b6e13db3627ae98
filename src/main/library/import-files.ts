import type { Article, EditableFields } from '../../shared/article/article'
import { isImageNode, type BodyNode } from '../../shared/article/body'
import type { ImportedArticle } from '../../shared/import'
import { DOCX_IMAGE_PREFIX } from '../../shared/import/docx/image-prefix'
import { UserError } from '../../shared/ipc/result'
import type { ImportProgress, ImportReport } from '../../shared/library-api'
import { reasonOf } from './article-files'
import { ImportCancelled, ImportThread, type ImportLimits } from './import-thread'
import { withImagesBeside } from './images-beside'

export interface ImportFile {
  name: string
  /** Bytes (decoded by the importer, UTF-16 with a byte-order mark included; a Word document as is) or text already decoded. */
  content: string | Uint8Array
  /**
   * The folder the file was read from, where images it names by a relative
   * address are looked for: the command line's, or the one the app's
   * renderer named, once main has checked it (import-source).
   */
  dir?: string
}

export interface ImportOptions {
  signal?: AbortSignal
  onProgress?: (progress: Omit<ImportProgress, 'jobId'>) => void
  /** For tests; the app uses importLimits. */
  limits?: ImportLimits
}

type AddMedia = (name: string, bytes: Uint8Array) => Promise<{ src: string }>

/**
 * Imports files one by one: each is read on the import thread (bounded in
 * time and memory), its embedded images (Word documents) and the images it
 * names beside it (when its folder is known) are copied into the media
 * folder, then it is created as a new article (new id, timestamps, unique
 * slug, defaults, checked before anything is written). A file that
 * fails is reported with its reason and leaves nothing behind; the others
 * still import. A cancel drops the file being read and lists the rest as
 * not imported; those already imported stay.
 */
export async function importArticles(
  files: ImportFile[],
  create: (fields: Partial<EditableFields>) => Promise<Article>,
  addMedia: AddMedia,
  options: ImportOptions = {}
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], failed: [], cancelled: [] }
  const thread = new ImportThread(options.limits)
  try {
    for (const [index, file] of files.entries()) {
      options.onProgress?.({ done: index, total: files.length, file: file.name })
      try {
        const read = await withImages(await thread.read(file.name, file.content, options.signal), addMedia)
        const { fields, warnings } = file.dir === undefined ? read : await withImagesBeside(read, file.dir, addMedia)
        const article = await create(fields)
        report.imported.push({ file: file.name, id: article.id, title: article.title, warnings })
      } catch (error) {
        if (error instanceof ImportCancelled) {
          report.cancelled = files.slice(index).map(({ name }) => name)
          break
        }
        const reason = error instanceof UserError ? withoutName(error.message, file.name) : `it could not be read: ${reasonOf(error)}.`
        report.failed.push({ file: file.name, reason })
      }
    }
  } finally {
    await thread.close()
  }
  options.onProgress?.({ done: files.length - report.cancelled.length, total: files.length })
  return report
}

/** A reason as the report gives it, beside the file's name: without the name the parsers start their messages with. */
const withoutName = (message: string, name: string): string => (message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message)

/** The article with each embedded image copied into the media folder and pointed at its copy. */
async function withImages(imported: ImportedArticle, addMedia: AddMedia): Promise<ImportedArticle> {
  if (!imported.images?.length) return imported
  const placed = new Map<string, string>()
  for (const image of imported.images) {
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
