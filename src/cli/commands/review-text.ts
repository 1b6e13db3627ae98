import type { BundleArticleOutcome, BundleImportReport } from '../../shared/review-api'
import type { ChecklistResult } from '../../shared/review/checklist'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** One line per check: ✓ or ✗, its name and what it found. */
export const checklistText = (result: ChecklistResult): string =>
  result.items.map((item) => `${item.ok ? '✓' : '✗'} ${item.label}: ${item.message}\n`).join('')

function outcomeText(article: BundleArticleOutcome): string {
  const name = `“${article.title || 'Untitled'}”`
  if (article.outcome === 'added') return `Added ${name} (${article.id}), with its review.\n`
  if (article.outcome === 'skipped') return `Skipped ${name}: ${article.reason}\n`
  const { suggestions, threads, decisions } = article.added
  const merged = `Merged ${name}: ${plural(suggestions, 'suggestion')}, ${plural(threads, 'comment thread')} and ${plural(decisions, 'decision')} added.\n`
  return merged + article.conflicts.map((conflict) => `  conflict: ${conflict.message}\n`).join('')
}

/** What importing a bundle did, article by article, with each conflict in plain words. */
export function importReportText(report: BundleImportReport): string {
  const from = `Review bundle from ${report.createdBy.name} (${report.createdBy.role}), made ${report.createdAt.slice(0, 10)}.\n`
  return from + report.articles.map(outcomeText).join('')
}
