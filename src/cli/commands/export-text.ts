import type { SiteExportPlan, SiteExportProgress, SiteExportReport, SiteFile } from '../../shared/export-api'
import type { CliIo } from '../program'

const section = (heading: string, files: SiteFile[], mark: string): string =>
  files.length ? `${heading}\n${files.map((file) => `  ${mark} ${file.path}${file.kind === 'article' && file.title ? `  (${file.title})` : ''}\n`).join('')}` : ''

const warningsText = (warnings: SiteExportPlan['warnings']): string =>
  warnings.length ? `Warnings:\n${warnings.map((w) => `  ! “${w.title}”: ${w.message}\n`).join('')}` : ''

const noticesText = (notices: string[]): string => notices.map((notice) => `Note: ${notice}\n`).join('')

/** The dry run in words: every file that would be added, changed or removed, and how many stay as they are. */
export function planText(plan: SiteExportPlan): string {
  return [
    `Dry run: exporting ${plan.articleCount} articles to ${plan.siteDir} (${plan.profile}) would add ${plan.added.length}, change ${plan.changed.length}, remove ${plan.removed.length} and leave ${plan.unchanged.length} files unchanged. Nothing was written.\n`,
    noticesText(plan.notices),
    section('Would add:', plan.added, '+'),
    section('Would change:', plan.changed, '~'),
    section('Would remove (with --prune):', plan.removed, '-'),
    section('Changed in the site since Copydesk wrote them, left alone (use --force to overwrite):', plan.conflicts, '!'),
    section('Unchanged:', plan.unchanged, '='),
    warningsText(plan.warnings)
  ].join('')
}

export function reportText(report: SiteExportReport): string {
  return [
    `${report.cancelled ? 'Cancelled: ' : ''}Exported ${report.articleCount} articles to ${report.siteDir} (${report.profile}): ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed, ${report.warnings.length} warnings.\n`,
    noticesText(report.notices),
    section('Written:', report.written, '+'),
    section('Removed:', report.removed, '-'),
    section('No longer exported, kept (use --prune to remove):', report.kept, '?'),
    section('Changed in the site since Copydesk wrote them, left alone (use --force to overwrite):', report.conflicts, '!'),
    warningsText(report.warnings),
    report.commit
      ? report.commit.commit
        ? `Committed on branch ${report.commit.branch} as ${report.commit.commit.slice(0, 12)}.\n`
        : `Nothing to commit on branch ${report.commit.branch}.\n`
      : ''
  ].join('')
}

const phaseWords: Record<SiteExportProgress['phase'], string> = { reading: 'reading articles', exporting: 'exporting articles', writing: 'writing files', committing: 'committing' }

/** Progress on standard error, one line per tenth of each phase, so `--json` output stays clean and logs stay short. */
export function progressPrinter(io: CliIo): (progress: Omit<SiteExportProgress, 'jobId'>) => void {
  let last = ''
  return ({ phase, done, total }) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10)
    const key = `${phase}:${tenth}`
    if (key === last) return
    last = key
    io.stderr(`copydesk: ${phaseWords[phase]} ${done}/${total}\n`)
  }
}
