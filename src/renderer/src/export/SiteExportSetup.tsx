import { useEffect, useState } from 'react'
import { articleStatuses, statusLabels, type ArticleStatus } from '../../../shared/article/article'
import type { ProfileName } from '../../../shared/export/types'
import { defaultExportStatuses, type SiteExportRequest } from '../../../shared/export-api'
import { call } from '../lib/api'
import { ProfileSelect } from './ProfileSelect'

interface Props {
  /** The choices to show again when coming back from the dry run; otherwise the library's remembered ones. */
  initial: SiteExportRequest | null
  busy: boolean
  onPreview: (request: SiteExportRequest) => void
  onCancel: () => void
  onError: (error: unknown) => void
}

const sectionHint: Partial<Record<ProfileName, string>> = { hugo: 'posts', astro: 'blog', plain: 'none' }

/** The site folder, profile and which articles: remembered per library from its last export. */
export function SiteExportSetup({ initial, busy, onPreview, onCancel, onError }: Props): React.JSX.Element {
  const [siteDir, setSiteDir] = useState(initial?.siteDir ?? '')
  const [profile, setProfile] = useState<ProfileName>(initial?.profile ?? 'hugo')
  const [statuses, setStatuses] = useState<ArticleStatus[]>(initial?.statuses ?? [...defaultExportStatuses])
  const [section, setSection] = useState(initial?.section ?? '')
  const [bundle, setBundle] = useState(initial?.bundle ?? false)
  const [siteKit, setSiteKit] = useState(initial?.siteKit ?? false)

  useEffect(() => {
    if (initial) return
    let live = true
    call('getSiteExportPreferences').then((remembered) => {
      if (!live || !remembered) return
      setSiteDir(remembered.siteDir)
      setProfile(remembered.profile)
      setStatuses(remembered.statuses)
      setSection(remembered.section ?? '')
      setBundle(remembered.bundle)
      setSiteKit(remembered.siteKit)
    }, onError)
    return () => {
      live = false
    }
  }, [initial, onError])

  const choose = async (): Promise<void> => {
    try {
      const chosen = await call('chooseSiteFolder', siteDir ? { defaultPath: siteDir } : {})
      if (chosen) setSiteDir(chosen)
    } catch (error) {
      onError(error)
    }
  }
  const toggle = (status: ArticleStatus, on: boolean): void =>
    setStatuses((current) => articleStatuses.filter((s) => (s === status ? on : current.includes(s))))
  const bundles = profile === 'hugo' || profile === 'plain'
  const ready = siteDir.trim() !== '' && statuses.length > 0 && !busy

  return (
    <form
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready) return
        onPreview({
          siteDir: siteDir.trim(),
          profile,
          statuses,
          ...(section.trim() ? { section: section.trim() } : {}),
          bundle: bundles && bundle,
          siteKit
        })
      }}
    >
      <div className="export-field">
        <label htmlFor="site-export-folder">Site folder</label>
        <div className="export-folder">
          <input id="site-export-folder" value={siteDir} placeholder="Choose the site repository…" onChange={(event) => setSiteDir(event.target.value)} />
          <button type="button" onClick={() => void choose()}>
            Choose…
          </button>
        </div>
      </div>
      <ProfileSelect caption="Profile" value={profile} onChange={setProfile} />
      <fieldset className="export-field export-statuses">
        <legend>Articles with status</legend>
        {articleStatuses.map((status) => (
          <label key={status}>
            <input type="checkbox" checked={statuses.includes(status)} onChange={(event) => toggle(status, event.target.checked)} /> {statusLabels[status]}
          </label>
        ))}
      </fieldset>
      {profile !== 'jekyll' && (
        <label className="export-field">
          <span>{profile === 'astro' ? 'Collection' : 'Section'}</span>
          <input value={section} placeholder={`default: ${sectionHint[profile]}`} onChange={(event) => setSection(event.target.value)} />
        </label>
      )}
      {bundles && (
        <label className="export-check">
          <input type="checkbox" checked={bundle} onChange={(event) => setBundle(event.target.checked)} /> A folder per article with its images (page bundle)
        </label>
      )}
      <label className="export-check">
        <input type="checkbox" checked={siteKit} onChange={(event) => setSiteKit(event.target.checked)} /> Also write the site kit (FAQ and promo templates)
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!ready}>
          {busy ? 'Checking…' : 'Preview changes'}
        </button>
      </div>
    </form>
  )
}
