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
  onFormatChange: (format: 'html' | 'markdown') => void
  onClose: () => void
  onError: (error: unknown) => void
}

/** A relative link to another page: a related article the single export points at but does not write. */
const siblingPageLink = /href="(?![a-z][a-z0-9+.-]*:|#|\/)[^"]*\.html"/i

/**
 * Export as HTML / Markdown: exactly the file that will be written (as last
 * saved), its source beside the page it renders to, then the native save dialog.
 */
export function SingleExportDialog({ articleId, format, onFormatChange, onClose, onError }: Props): React.JSX.Element {
  const [profile, setProfile] = useState<ProfileName>('plain')
  const [preview, setPreview] = useState<SingleExport | null>(null)
  /** The HTML page, rendered beside the Markdown source too: what the article will look like. */
  const [page, setPage] = useState<string | null>(null)
  const [problem, setProblem] = useState('')
  const [saved, setSaved] = useState('')
  const [saving, setSaving] = useState(false)
  const [withSiteKit, setWithSiteKit] = useState(false)
  const kitOffered = format === 'markdown' && profile !== 'plain'
  const request = articleId ? { id: articleId, format, ...(format === 'markdown' ? { profile } : {}), ...(kitOffered && withSiteKit ? { withSiteKit } : {}) } : null

  useEffect(() => {
    if (!articleId) return
    let live = true
    Promise.all([
      call('previewExport', { id: articleId, format, ...(format === 'markdown' ? { profile } : {}) }),
      format === 'html' ? null : call('previewExport', { id: articleId, format: 'html' })
    ]).then(
      ([result, html]) => {
        if (!live) return
        setPreview(result)
        setPage(html?.content ?? result.content)
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
  const formatChoice = (
    <fieldset className="export-field export-format">
      <legend>Format</legend>
      {(['html', 'markdown'] as const).map((value) => (
        <label key={value} className="export-check">
          <input type="radio" name="export-format" value={value} checked={format === value} onChange={() => onFormatChange(value)} />
          {value === 'html' ? 'HTML page' : 'Markdown'}
        </label>
      ))}
    </fieldset>
  )
  const notes: string[] = []
  if (format === 'html' && preview && siblingPageLink.test(preview.content)) {
    notes.push('Related articles are linked as .html files beside this one. Export them too, or use Export to site… for links that work on the site.')
  }
  if (format === 'markdown' && (profile === 'hugo' || profile === 'jekyll')) {
    notes.push(
      `The ${profile === 'hugo' ? 'Hugo shortcodes' : 'Jekyll includes'} for FAQs and promos come from Copydesk's site kit, which the file alone does not carry: tick “Write the site kit beside the file”, or use Export to site….`
    )
  }
  if (!articleId) {
    return (
      <Modal title={title} onClose={onClose}>
        {formatChoice}
        <p className="export-empty">Open an article in the library first, then export it.</p>
        <div className="dialog-actions">
          <button onClick={onClose}>Close</button>
        </div>
      </Modal>
    )
  }
  return (
    <Modal title={title} className="single-export" onClose={onClose}>
      <div className="export-choices">
        {formatChoice}
        {format === 'markdown' && <ProfileSelect caption="Flavour" value={profile} onChange={setProfile} />}
      </div>
      {problem && <p role="alert" className="export-problem">{problem}</p>}
      <div className="export-previews">
        <figure className="export-preview">
          <figcaption>
            <strong>{preview?.fileName ?? '…'}</strong>, as last saved
          </figcaption>
          <pre tabIndex={0} aria-label="Exported file">
            {preview?.content ?? 'Rendering…'}
          </pre>
        </figure>
        <figure className="export-preview">
          <figcaption>The page it makes</figcaption>
          {/* No script runs in the preview: an empty sandbox allows nothing but showing the page. */}
          {page !== null && <iframe className="export-page" title="Rendered page" sandbox="" srcDoc={page} />}
        </figure>
      </div>
      {notes.map((note) => (
        <p key={note} className="export-note">
          {note}
        </p>
      ))}
      {kitOffered && (
        <label className="export-check">
          <input type="checkbox" checked={withSiteKit} onChange={(event) => setWithSiteKit(event.target.checked)} /> Write the site kit beside the file (its
          folders as in the site’s root)
        </label>
      )}
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
