import { importFilesSchema, type ImportReport } from '../../../shared/library-api'
import { call } from '../lib/api'
import { plural } from './format'

const fileShape = importFilesSchema.shape.files.element.shape
const MAX_CHARS = fileShape.content.options[0].maxLength ?? Infinity
const MAX_NAME = fileShape.name.maxLength ?? Infinity
/** Keeps each IPC message a reasonable size when a whole folder is dropped. */
const BATCH = 20

/**
 * Reads dropped or picked files and hands them to the library, which
 * decides what each one is (Markdown, HTML, Word, Copydesk JSON) and reports per
 * file. Files the request could never carry are reported here instead of
 * failing the whole batch.
 */
export async function importFiles(files: readonly File[]): Promise<ImportReport> {
  const report: ImportReport = { imported: [], failed: [] }
  const readable: { name: string; content: string | Uint8Array<ArrayBuffer> }[] = []
  for (const file of files) {
    // A UTF-8 file never has more characters than bytes, so its size is a safe first check.
    if (file.name.length > MAX_NAME) report.failed.push({ file: file.name, reason: 'Its name is too long.' })
    else if (file.size > MAX_CHARS) report.failed.push({ file: file.name, reason: `It is larger than ${MAX_CHARS / 1024 / 1024} MB.` })
    // A Word document is a zip package: it travels as bytes, the rest as text.
    else readable.push({ name: file.name, content: /\.docx$/i.test(file.name) ? new Uint8Array(await file.arrayBuffer()) : await file.text() })
  }
  for (let start = 0; start < readable.length; start += BATCH) {
    const answer = await call('importFiles', { files: readable.slice(start, start + BATCH) })
    report.imported.push(...answer.imported)
    report.failed.push(...answer.failed)
  }
  return report
}

export const importSummary = (report: ImportReport): string =>
  [
    report.imported.length ? `Imported ${plural(report.imported.length, 'article')}.` : 'Nothing was imported.',
    report.failed.length ? `${plural(report.failed.length, 'file')} could not be imported.` : ''
  ]
    .filter(Boolean)
    .join(' ')
