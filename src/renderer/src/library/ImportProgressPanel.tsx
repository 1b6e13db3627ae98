import type { ImportState } from './useImport'

/** The import under way: which file is being read, how many are done, and Cancel (files already imported stay). */
export function ImportProgressPanel({ running, onCancel }: { running: NonNullable<ImportState['running']>; onCancel: () => void }): React.JSX.Element {
  const { progress } = running
  const label = progress?.file ? `Importing ${progress.file} (${progress.done + 1} of ${progress.total})` : 'Starting the import…'
  return (
    <section className="sidebar-panel import-progress" aria-label="Import progress">
      <div className="sidebar-panel-header">
        <p id="import-progress-label">{label}</p>
        <button onClick={onCancel}>Cancel import</button>
      </div>
      <progress aria-labelledby="import-progress-label" max={progress?.total || 1} value={progress ? progress.done : undefined} />
    </section>
  )
}
