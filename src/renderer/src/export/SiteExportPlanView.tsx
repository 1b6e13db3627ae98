import { useState } from 'react'
import type { SiteExportPlan } from '../../../shared/export-api'
import { FileList } from './FileList'
import { WarningList } from './WarningList'
import { localDay } from '../../../shared/local-day'

export interface Confirmations {
  prune: boolean
  overwriteConflicts: boolean
  commitBranch?: string
}


interface Props {
  plan: SiteExportPlan
  onBack: () => void
  onExport: (confirmations: Confirmations) => void
}

/** The dry run: what would be added, changed, removed and left alone, and the confirmations it needs. */
export function SiteExportPlanView({ plan, onBack, onExport }: Props): React.JSX.Element {
  const [prune, setPrune] = useState(false)
  const [overwrite, setOverwrite] = useState(false)
  const [commit, setCommit] = useState(false)
  const [branch, setBranch] = useState(`copydesk/export-${localDay()}`)
  const nothingToDo = plan.added.length + plan.changed.length + plan.removed.length + plan.conflicts.length === 0

  return (
    <div className="export-plan">
      <p className="export-summary" role="status">
        {plan.articleCount} article{plan.articleCount === 1 ? '' : 's'} into <code>{plan.siteDir}</code>: {plan.added.length} to add,{' '}
        {plan.changed.length} to change, {plan.unchanged.length} unchanged, {plan.removed.length} no longer exported, {plan.conflicts.length} changed in
        the site.
      </p>
      {plan.notices.map((notice) => (
        <p key={notice} className="export-notice">
          {notice}
        </p>
      ))}
      <FileList label="To add" files={plan.added} open />
      <FileList label="To change" files={plan.changed} open />
      <FileList label="Unchanged" files={plan.unchanged} />
      {plan.removed.length > 0 && (
        <>
          <FileList label="No longer exported (unpublished, renamed or deleted)" files={plan.removed} open />
          <label className="export-check">
            <input type="checkbox" checked={prune} onChange={(event) => setPrune(event.target.checked)} /> Remove these {plan.removed.length} files from
            the site
          </label>
        </>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <FileList label="Changed in the site since Copydesk wrote them" files={plan.conflicts} open />
          <label className="export-check">
            <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} /> Overwrite the site’s changes to these{' '}
            {plan.conflicts.length} files
          </label>
        </>
      )}
      <WarningList warnings={plan.warnings} />
      {plan.gitRepo && (
        <div className="export-commit">
          <label className="export-check">
            <input type="checkbox" checked={commit} onChange={(event) => setCommit(event.target.checked)} /> Commit the export to git, on branch
          </label>
          <input aria-label="Branch" value={branch} disabled={!commit} onChange={(event) => setBranch(event.target.value)} />
        </div>
      )}
      <div className="dialog-actions">
        <button onClick={onBack}>Back</button>
        <button
          className="primary"
          disabled={nothingToDo && !prune && !commit}
          onClick={() => onExport({ prune, overwriteConflicts: overwrite, ...(commit && branch.trim() ? { commitBranch: branch.trim() } : {}) })}
        >
          Export
        </button>
      </div>
    </div>
  )
}
