import { useEffect, useState } from 'react'
import type { ProfileName } from '../../../shared/export/types'
import type { SingleExport } from '../../../shared/export-api'
import { call, errorMessage } from '../lib/api'
import { Modal } from './Modal'
import { ProfileSelect } from './ProfileSelect'
import { WarningList } from './WarningList'

interface Props {
  articleId: string | null
  format: 'html' | 'markdown'
  onClose: () => void
  onError: (error: unknown) => void
}

/**
 * File → Export as HTML / Markdown: a preview of exactly the file that will
 * be written (as last saved), then the native save dialog.
 */
export function SingleExportDialog({ articleId, format, onClose, onError }: Props): React.JSX.Element {
  const [profile, setProfile] = useState<ProfileName>('plain')
  const [preview, setPreview] = useState<SingleExport | null>(null)
  const [problem, setProblem] = useState('')
  const [saved, setSaved] = useState('')
  const [saving, setSaving] = useState(false)
  const request = articleId ? { id: articleId, format, ...(format === 'markdown' ? { profile } : {}) } : null

  useEffect(() => {
    if (!articleId) return
    let live = true
    call('previewExport', { id: articleId, format, ...(format === 'markdown' ? { profile } : {}) }).then(
      (result) => {
        if (!live) return
        setPreview(result)
        setProblem('')
      },
      (error: unknown) => {
        if (live) setProblem(errorMessage(error))
      }
    )
    return () => {
      live = false
    }
  }, [articleId, format, profile])

  const save = async (): Promise<void> => {
    if (!request) return
    setSaving(true)
    try {
      const result = await call('saveExport', request)
      if (result) setSaved(result.path)
    } catch (error) {
      onError(error)
    } finally {
      setSaving(false)
    }
  }

  const title = format === 'html' ? 'Export as HTML' : 'Export as Markdown'
  if (!articleId) {
    return (
      <Modal title={title} onClose={onClose}>
        <p className="export-empty">Open an article in the library first, then export it.</p>
        <div className="dialog-actions">
          <button onClick={onClose}>Close</button>
        </div>
      </Modal>
    )
  }
  return (
    <Modal title={title} className="single-export" onClose={onClose}>
      {format === 'markdown' && <ProfileSelect caption="Flavour" value={profile} onChange={setProfile} />}
      {problem && <p role="alert" className="export-problem">{problem}</p>}
      <figure className="export-preview">
        <figcaption>
          Preview of <strong>{preview?.fileName ?? '…'}</strong>, as last saved
        </figcaption>
        <pre tabIndex={0} aria-label="Exported file">
          {preview?.content ?? 'Rendering…'}
        </pre>
      </figure>
      {preview && <WarningList warnings={preview.warnings} />}
      {saved && (
        <p role="status" className="export-saved">
          Saved to {saved}
        </p>
      )}
      <div className="dialog-actions">
        <button onClick={onClose}>{saved ? 'Close' : 'Cancel'}</button>
        <button className="primary" disabled={!preview || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save…'}
        </button>
      </div>
    </Modal>
  )
}
