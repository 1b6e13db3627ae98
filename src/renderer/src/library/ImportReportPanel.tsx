import type { ImportReport } from '../../../shared/library-api'
import { plural } from './format'

interface Props {
  report: ImportReport
  onOpen: (id: string) => void
  onDismiss: () => void
}

/** One line on what the import did. */
const importSummary = (report: ImportReport): string =>
  [
    report.imported.length ? `Imported ${plural(report.imported.length, 'article')}.` : 'Nothing was imported.',
    report.failed.length ? `${plural(report.failed.length, 'file')} could not be imported.` : '',
    report.cancelled.length ? `Cancelled: ${plural(report.cancelled.length, 'file')} not imported.` : ''
  ]
    .filter(Boolean)
    .join(' ')

/** The reason as a sentence of its own, under the file's name. */
const reasonFor = ({ reason }: ImportReport['failed'][number]): string => reason.charAt(0).toUpperCase() + reason.slice(1)

/** What an import did, file by file, in plain words. */
export function ImportReportPanel({ report, onOpen, onDismiss }: Props): React.JSX.Element {
  return (
    <section className="sidebar-panel import-report" role="status" aria-label="Import report">
      <div className="sidebar-panel-header">
        <strong>{importSummary(report)}</strong>
        <button className="ghost" aria-label="Dismiss import report" onClick={onDismiss}>
          ×
        </button>
      </div>
      {report.imported.length > 0 && (
        <ul className="import-list">
          {report.imported.map((item) => (
            <li key={item.id}>
              <div>
                <button className="link" onClick={() => onOpen(item.id)} title={`From ${item.file}`}>
                  {item.title.trim() || item.file}
                </button>
                {item.warnings.length > 0 && (
                  // What the import changed or left out: the writer's only chance to know before the text is edited.
                  <details className="import-warnings">
                    <summary>{plural(item.warnings.length, 'change')} to check</summary>
                    <ul>
                      {item.warnings.map((warning) => (
                        <li key={warning}>{warning}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {report.failed.length > 0 && (
        <ul className="import-list import-failed">
          {report.failed.map((item, index) => (
            <li key={`${item.file}-${index}`}>
              <span>
                <strong>{item.file}</strong>: {reasonFor(item)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
