import { MAX_IMPORT_BYTES, importFilesSchema, type ImportProgress, type ImportReport } from '../../../shared/library-api'
import { call } from '../lib/api'

const MAX_NAME = importFilesSchema.shape.files.element.shape.name.maxLength ?? Infinity
const MAX_PATH = importFilesSchema.shape.files.element.shape.path.unwrap().maxLength ?? Infinity
/** Keeps each IPC message a reasonable size when a whole folder is dropped. */
const BATCH = 20

export interface ImportRun {
  jobId: string
  /** Files done of all those sent, across batches. */
  onProgress: (progress: Omit<ImportProgress, 'jobId'>) => void
  /** Asked before each batch: once true, the rest are not sent. */
  cancelled: () => boolean
}

/**
 * Reads dropped or picked files as bytes and hands them to the library,
 * with where each lives so it copies the images named beside it. The
 * library decodes them (UTF-8, or UTF-16 with a byte-order mark), decides
 * what each one is (Markdown, HTML, Copydesk JSON) and reports per file. Files
 * the request could never carry are reported here instead of failing the
 * whole batch.
 */
export async function importFiles(files: readonly File[], run: ImportRun): Promise<ImportReport> {
  const report: ImportReport = { imported: [], failed: [], cancelled: [] }
  const readable: File[] = []
  for (const file of files) {
    if (file.name.length > MAX_NAME) report.failed.push({ file: file.name, reason: 'Its name is too long.' })
    else if (file.size > MAX_IMPORT_BYTES) report.failed.push({ file: file.name, reason: `It is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` })
    else readable.push(file)
  }
  // Where the batch under way starts among the readable files, to count progress over them all.
  let offset = 0
  const off = window.copydesk.on('importProgress', ({ jobId, done, file }) => {
    if (jobId === run.jobId) run.onProgress({ done: offset + done, total: readable.length, ...(file ? { file } : {}) })
  })
  try {
    for (; offset < readable.length; offset += BATCH) {
      if (run.cancelled()) {
        report.cancelled.push(...readable.slice(offset).map((file) => file.name))
        break
      }
      const batch = readable.slice(offset, offset + BATCH)
      const content = await Promise.all(batch.map(async (file) => ({ name: file.name, content: new Uint8Array(await file.arrayBuffer()), ...pathOf(file) })))
      const answer = await call('importFiles', { jobId: run.jobId, files: content })
      report.imported.push(...answer.imported)
      report.failed.push(...answer.failed)
      report.cancelled.push(...answer.cancelled)
    }
  } finally {
    off()
  }
  return report
}

/** Where the file lives, for main to find the images it names beside it; nothing for a file without a path. */
function pathOf(file: File): { path?: string } {
  const path = window.copydesk.pathOf(file)
  return path && path.length <= MAX_PATH ? { path } : {}
}
