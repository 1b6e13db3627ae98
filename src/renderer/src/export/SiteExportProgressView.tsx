import type { SiteExportProgress } from '../../../shared/export-api'

const phaseLabels: Record<SiteExportProgress['phase'], string> = {
  reading: 'Reading and rendering articles',
  exporting: 'Exporting articles',
  writing: 'Putting files in place',
  committing: 'Committing to git'
}

/** A progress bar for the running export, with Cancel: what is already written stays, whole and recorded. */
export function SiteExportProgressView({ progress, onCancel }: { progress: SiteExportProgress | null; onCancel: () => void }): React.JSX.Element {
  const label = progress ? `${phaseLabels[progress.phase]}: ${progress.done} of ${progress.total}` : 'Starting…'
  return (
    <div className="export-running">
      <p id="site-export-progress-label">{label}</p>
      <progress aria-labelledby="site-export-progress-label" max={progress?.total || 1} value={progress ? progress.done : undefined} />
      <div className="dialog-actions">
        <button onClick={onCancel}>Cancel export</button>
      </div>
    </div>
  )
}
