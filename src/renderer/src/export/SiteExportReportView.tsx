import type { SiteExportReport } from '../../../shared/export-api'
import { FileList } from './FileList'
import { WarningList } from './WarningList'

/** What the export did: written, unchanged, removed, what it left alone and why, and its commit. */
export function SiteExportReportView({ report, onClose }: { report: SiteExportReport; onClose: () => void }): React.JSX.Element {
  return (
    <div className="export-report">
      <p className="export-summary" role="status">
        {report.cancelled ? 'Export cancelled. ' : 'Export finished. '}
        {report.written.length} written, {report.unchanged.length} unchanged, {report.removed.length} removed, {report.warnings.length} warning
        {report.warnings.length === 1 ? '' : 's'}.
      </p>
      {report.cancelled && <p className="export-notice">The files written before you cancelled are complete and recorded; exporting again finishes the rest.</p>}
      {report.notices.map((notice) => (
        <p key={notice} className="export-notice">
          {notice}
        </p>
      ))}
      <FileList label="Written" files={report.written} />
      <FileList label="Removed" files={report.removed} />
      <FileList label="No longer exported, kept" files={report.kept} open />
      <FileList label="Changed in the site, left alone" files={report.conflicts} open />
      <WarningList warnings={report.warnings} />
      {report.commit && (
        <p className="export-commit-result">
          {report.commit.commit
            ? `Committed on branch ${report.commit.branch} (${report.commit.commit.slice(0, 12)}).`
            : `Nothing new to commit on branch ${report.commit.branch}.`}
        </p>
      )}
      <div className="dialog-actions">
        <button className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
