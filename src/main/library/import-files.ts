import type { Article, EditableFields } from '../../shared/article/article'
import { parseImportFile } from '../../shared/import'
import { UserError } from '../../shared/ipc/result'
import type { ImportReport } from '../../shared/library-api'
import { reasonOf } from './article-files'

export interface ImportFile {
  name: string
  content: string
}

/**
 * Imports files one by one: each is parsed by the shared importer, then
 * created as a new article (new id, timestamps, unique slug, defaults,
 * checked before anything is written). A file that fails is reported with
 * its reason and leaves nothing behind; the others still import.
 */
export async function importArticles(files: ImportFile[], create: (fields: Partial<EditableFields>) => Promise<Article>): Promise<ImportReport> {
  const report: ImportReport = { imported: [], failed: [] }
  for (const file of files) {
    try {
      const { fields, warnings } = parseImportFile(file.name, file.content)
      const article = await create(fields)
      report.imported.push({ file: file.name, id: article.id, title: article.title, warnings })
    } catch (error) {
      const reason = error instanceof UserError ? error.message : `It could not be read: ${reasonOf(error)}.`
      report.failed.push({ file: file.name, reason })
    }
  }
  return report
}
