import type { SiteExportWarning } from '../../../shared/export-api'

/** Export warnings in plain words, each naming its article, so an editor knows what to fix. */
export function WarningList({ warnings }: { warnings: SiteExportWarning[] }): React.JSX.Element | null {
  if (warnings.length === 0) return null
  return (
    <section className="export-warnings" aria-label="Warnings">
      <h3>
        {warnings.length} warning{warnings.length === 1 ? '' : 's'}
      </h3>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>
            <strong>{warning.title || 'Untitled'}</strong>: {warning.message}
          </li>
        ))}
      </ul>
    </section>
  )
}
