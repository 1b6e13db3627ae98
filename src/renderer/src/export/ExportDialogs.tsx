import { useState } from 'react'
import { useCommand } from '../shell/useCommand'
import { lazyView } from '../lib/lazy-view'
import './export.css'

const SingleExportDialog = lazyView(() => import('./SingleExportDialog').then((module) => module.SingleExportDialog))
const SiteExportDialog = lazyView(() => import('./SiteExportDialog').then((module) => module.SiteExportDialog))

export type ExportRequest = { kind: 'single'; format: 'html' | 'markdown' } | { kind: 'site' }

interface Props {
  /** The article Export as… exports. */
  articleId: string | null
  /** Opened from the window (the toolbar's Export button); null when closed. */
  requested: ExportRequest | null
  onRequestedChange: (request: ExportRequest | null) => void
  onError: (error: unknown) => void
}

/** Export as HTML / Markdown / to Site: from the toolbar, the File menu or the keys in src/shared/shortcuts.ts. */
export function ExportDialogs({ articleId, requested, onRequestedChange, onError }: Props): React.JSX.Element | null {
  const [format, setFormat] = useState<'html' | 'markdown'>('html')
  useCommand('exportHtml', () => onRequestedChange({ kind: 'single', format: 'html' }))
  useCommand('exportMarkdown', () => onRequestedChange({ kind: 'single', format: 'markdown' }))
  useCommand('exportSite', () => onRequestedChange({ kind: 'site' }))

  const [shownRequest, setShownRequest] = useState(requested)
  if (requested !== shownRequest) {
    setShownRequest(requested)
    if (requested?.kind === 'single') setFormat(requested.format)
  }

  if (!requested) return null
  const close = (): void => onRequestedChange(null)
  if (requested.kind === 'site') return <SiteExportDialog onClose={close} onError={onError} />
  return <SingleExportDialog articleId={articleId} format={format} onFormatChange={setFormat} onClose={close} onError={onError} />
}
