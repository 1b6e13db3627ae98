import { useEffect, useState } from 'react'
import { articleStatuses, statusLabels, type ArticleStatus } from '../../../shared/article/article'
import type { ProfileName } from '../../../shared/export/types'
import { defaultExportStatuses, type SiteExportOptions } from '../../../shared/export-api'
import type { FolderRef } from '../../../shared/folders'
import { call } from '../lib/api'
import { ProfileSelect } from './ProfileSelect'

/** The setup's choices: the site folder as main granted it (shown by path, sent by handle). */
export type SiteExportChoice = SiteExportOptions & { site: FolderRef }

interface Props {
  /** The choices to show again when coming back from the dry run; otherwise the library's remembered ones. */
  initial: SiteExportChoice | null
  busy: boolean
  onPreview: (choice: SiteExportChoice) => void
  onCancel: () => void
  onError: (error: unknown) => void
}

const sectionHint: Partial<Record<ProfileName, string>> = { hugo: 'posts', astro: 'blog', plain: 'none' }

/** The site folder, profile and which articles: remembered per library from its last export. */
export function SiteExportSetup({ initial, busy, onPreview, onCancel, onError }: Props): React.JSX.Element {
  const [site, setSite] = useState<FolderRef | null>(initial?.site ?? null)
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
      setSite(remembered.site)
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
      const chosen = await call('chooseSiteFolder', site ? { near: site.handle } : {})
      if (chosen) setSite(chosen)
    } catch (error) {
      onError(error)
    }
  }
  const toggle = (status: ArticleStatus, on: boolean): void =>
    setStatuses((current) => articleStatuses.filter((s) => (s === status ? on : current.includes(s))))
  const bundles = profile === 'hugo' || profile === 'plain'
  const ready = site !== null && statuses.length > 0 && !busy

  return (
    <form
      className="export-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (!ready) return
        onPreview({
          site,
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
          {/* Read-only: main writes only into a folder chosen in its native dialog, never a typed path. */}
          <input id="site-export-folder" value={site?.path ?? ''} placeholder="Choose the site repository…" readOnly />
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
