import { useEffect, useState } from 'react'
import { SingleExportDialog } from './SingleExportDialog'
import { SiteExportDialog } from './SiteExportDialog'
import './export.css'

type Open = { kind: 'single'; format: 'html' | 'markdown' } | { kind: 'site' } | null

interface Props {
  /** The article File → Export as… exports. */
  articleId: string | null
  onError: (error: unknown) => void
}

/** File → Export as HTML / Markdown / to Site: the menu commands open the matching dialog. */
export function ExportDialogs({ articleId, onError }: Props): React.JSX.Element | null {
  const [open, setOpen] = useState<Open>(null)

  useEffect(
    () =>
      window.copydesk.on('menu', (command) => {
        if (command === 'export-html') setOpen({ kind: 'single', format: 'html' })
        else if (command === 'export-markdown') setOpen({ kind: 'single', format: 'markdown' })
        else if (command === 'export-site') setOpen({ kind: 'site' })
      }),
    []
  )

  if (!open) return null
  const close = (): void => setOpen(null)
  if (open.kind === 'site') return <SiteExportDialog onClose={close} onError={onError} />
  return <SingleExportDialog key={open.format} articleId={articleId} format={open.format} onClose={close} onError={onError} />
}
