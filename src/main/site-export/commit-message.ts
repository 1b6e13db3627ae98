import type { SiteExportReport, SiteFile } from '../../shared/export-api'

const articleLines = (files: SiteFile[]): string[] =>
  files.filter((file) => file.kind === 'article').map((file) => `- ${file.title ?? file.articleId ?? file.path} (${file.path})`)

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/** A commit message a site maintainer can review: which articles came, changed or went. */
export function commitMessage(report: Pick<SiteExportReport, 'profile' | 'written' | 'removed'>): string {
  const written = articleLines(report.written)
  const removed = articleLines(report.removed)
  const others = [...report.written, ...report.removed].filter((file) => file.kind !== 'article').length
  const lines = [`Export ${plural(written.length, 'article')} from Copydesk (${report.profile})`, '']
  if (written.length) lines.push('Added or updated:', ...written, '')
  if (removed.length) lines.push(`Removed (${plural(removed.length, 'article')}):`, ...removed, '')
  if (others) lines.push(`Also ${plural(others, 'media or site-kit file')}.`, '')
  return `${lines.join('\n').trimEnd()}\n`
}
