import { useCallback, useRef, useState } from 'react'
import { newId } from '../../../shared/ids'
import type { ImportProgress, ImportReport } from '../../../shared/library-api'
import { call } from '../lib/api'

export interface ImportState {
  /** Set while an import runs: how far it got (null before the first file starts). */
  running: { progress: Omit<ImportProgress, 'jobId'> | null } | null
  report: ImportReport | null
  /** `onDone`: after an import that ran, e.g. to list what it added. */
  start(files: File[], onDone: () => void): Promise<void>
  cancel(): void
  dismiss(): void
}

/** The sidebar's import: runs it with progress, cancels it, keeps its report until dismissed. */
export function useImport(onError: (error: unknown) => void): ImportState {
  const [running, setRunning] = useState<ImportState['running']>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const job = useRef<{ id: string; cancelled: boolean } | null>(null)

  const start = async (files: File[], onDone: () => void): Promise<void> => {
    if (files.length === 0 || job.current) return
    const current = { id: newId(), cancelled: false }
    job.current = current
    setReport(null)
    setRunning({ progress: null })
    try {
      // The import's code (and the schemas it checks files against) loads with the first import, not with the window.
      const { importFiles } = await import('./import-files')
      setReport(
        await importFiles(files, {
          jobId: current.id,
          onProgress: (progress) => setRunning({ progress }),
          cancelled: () => current.cancelled
        })
      )
      onDone()
    } catch (error) {
      onError(error)
    } finally {
      job.current = null
      setRunning(null)
    }
  }

  const cancel = (): void => {
    const current = job.current
    if (!current) return
    current.cancelled = true
    call('cancelImport', { jobId: current.id }).catch(onError)
  }

  const dismiss = useCallback(() => setReport(null), [])
  return { running, report, start, cancel, dismiss }
}
