import type { Article, EditableFields } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import type { ImportProgress, ImportReport } from '../../shared/library-api'
import { reasonOf } from './article-files'
import { ImportCancelled, ImportThread, type ImportLimits } from './import-thread'

export interface ImportFile {
  name: string
  /** Bytes (decoded by the importer, UTF-16 with a byte-order mark included) or text already decoded. */
  content: string | Uint8Array
}

export interface ImportOptions {
  signal?: AbortSignal
  onProgress?: (progress: Omit<ImportProgress, 'jobId'>) => void
  /** For tests; the app uses importLimits. */
  limits?: ImportLimits
}

/**
 * Imports files one by one: each is read on the import thread (bounded in
 * time and memory), then created as a new article (new id, timestamps,
 * unique slug, defaults, checked before anything is written). A file that
 * fails is reported with its reason and leaves nothing behind; the others
 * still import. A cancel drops the file being read and lists the rest as
 * not imported; those already imported stay.
 */
export async function importArticles(
  files: ImportFile[],
  create: (fields: Partial<EditableFields>) => Promise<Article>,
  options: ImportOptions = {}
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], failed: [], cancelled: [] }
  const thread = new ImportThread(options.limits)
  try {
    for (const [index, file] of files.entries()) {
      options.onProgress?.({ done: index, total: files.length, file: file.name })
      try {
        const { fields, warnings } = await thread.read(file.name, file.content, options.signal)
        const article = await create(fields)
        report.imported.push({ file: file.name, id: article.id, title: article.title, warnings })
      } catch (error) {
        if (error instanceof ImportCancelled) {
          report.cancelled = files.slice(index).map(({ name }) => name)
          break
        }
        const reason = error instanceof UserError ? error.message : `It could not be read: ${reasonOf(error)}.`
        report.failed.push({ file: file.name, reason })
      }
    }
  } finally {
    await thread.close()
  }
  options.onProgress?.({ done: files.length - report.cancelled.length, total: files.length })
  return report
}
