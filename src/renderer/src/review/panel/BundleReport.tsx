import type { BundleArticleOutcome, BundleImportReport } from '../../../../shared/review-api'
import { when } from '../editing/when'
import { roleLabel } from '../profile/useProfile'

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

function outcomeWords(article: BundleArticleOutcome): string {
  if (article.outcome === 'added') return 'Added to this library with its comments and suggestions.'
  if (article.outcome === 'skipped') return `Left alone: ${article.reason}`
  const { suggestions, threads, decisions } = article.added
  if (suggestions + threads + decisions === 0) return 'Nothing new: this library already had all of its review.'
  const parts = [
    suggestions && count(suggestions, 'suggestion', 'suggestions'),
    threads && count(threads, 'comment thread', 'comment threads'),
    decisions && count(decisions, 'decision', 'decisions')
  ].filter(Boolean)
  return `Merged: ${parts.join(', ')}.`
}

/** What importing a review bundle did, article by article, conflicts spelled out. */
export function BundleReport({ report }: { report: BundleImportReport }): React.JSX.Element {
  return (
    <div className="bundle-report">
      <p className="review-muted">
        Bundle from {report.createdBy.name} ({roleLabel(report.createdBy.role)}), {when(report.createdAt)}.
      </p>
      <ul aria-label="Imported articles">
        {report.articles.map((article) => (
          <li key={article.id} data-outcome={article.outcome}>
            <strong>{article.title || 'Untitled'}</strong>
            <p>{outcomeWords(article)}</p>
            {article.outcome === 'merged' && article.conflicts.length > 0 && (
              <>
                <p className="review-error">{count(article.conflicts.length, 'conflict', 'conflicts')}: nothing here was overwritten.</p>
                <ul className="bundle-conflicts" aria-label="Conflicts">
                  {article.conflicts.map((conflict, i) => (
                    <li key={i}>{conflict.message}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
