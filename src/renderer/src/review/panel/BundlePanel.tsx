import { useId, useRef, useState } from 'react'
import type { BundleImportReport } from '../../../../shared/review-api'
import { call } from '../../lib/api'
import { ModalDialog } from '../../lib/ModalDialog'
import { useReview } from '../ReviewContext'
import { BundleReport } from './BundleReport'

/**
 * Review bundles: the open article with its comments and suggestions as one
 * file to send by any means, and a received one merged back in.
 */
export function BundlePanel({ articleId }: { articleId: string | null }): React.JSX.Element {
  const { flush, refresh, onError } = useReview()
  const [saved, setSaved] = useState<string | null>(null)
  const [report, setReport] = useState<BundleImportReport | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const id = useId()

  const exportBundle = async (): Promise<void> => {
    if (!articleId) return
    await flush()
    const result = await call('exportReviewBundle', { ids: [articleId] })
    if (result) setSaved(result.path)
  }

  const importBundle = async (file: File): Promise<void> => {
    // The editor's pending text goes first, so the merge works on it; whatever is typed meanwhile stays (refresh).
    await flush()
    const imported = await call('importReviewBundle', { text: await file.text() })
    setReport(imported)
    // The sidebar needs no row from here: main's libraryChanged after a merge lists the library again (a bundle can add articles too).
    if (imported.articles.some((article) => article.id === articleId && article.outcome === 'merged')) await refresh()
  }

  return (
    <div className="bundle-panel">
      {articleId && (
        <button type="button" onClick={() => exportBundle().catch(onError)}>
          Export review bundle…
        </button>
      )}
      {saved && (
        <p className="review-muted" role="status">
          Saved to {saved}
        </p>
      )}
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import review bundle…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-label="Review bundle file"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) importBundle(file).catch(onError)
        }}
      />
      {report && (
        <ModalDialog className="review-dialog bundle-dialog" labelledBy={`${id}-report`} onDismiss={() => setReport(null)}>
          <h2 id={`${id}-report`}>Review bundle imported</h2>
          <BundleReport report={report} />
          <div className="dialog-actions">
            <button type="button" autoFocus onClick={() => setReport(null)}>
              Close
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  )
}
