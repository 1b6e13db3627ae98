import type { Article } from '../../../../shared/article/article'
import { useReview } from '../ReviewContext'
import { BundlePanel } from './BundlePanel'
import { ChecklistPanel } from './ChecklistPanel'
import { RevisionsPanel } from './RevisionsPanel'
import { StatusHistory } from './StatusHistory'
import { SuggestionsList } from './SuggestionsList'

/**
 * The open article's review, under its details: suggestions, checklist,
 * status history, revisions, bundles. With no article open, importing a
 * bundle is still there: it may bring the article.
 */
export function ReviewPanel({ article }: { article: Article | null }): React.JSX.Element {
  const { editor } = useReview()
  // Saved state the panels show again after each save.
  const version = article?.updatedAt ?? ''
  return (
    <div className="review-panel">
      {article && (
        <>
          <details open>
            <summary>Suggestions</summary>
            {editor && <SuggestionsList editor={editor} />}
          </details>
          <details>
            <summary>Ready to publish?</summary>
            <ChecklistPanel articleId={article.id} version={version} />
          </details>
          <details>
            <summary>Status history</summary>
            <StatusHistory history={article.statusHistory ?? []} />
          </details>
          <details>
            <summary>Revisions</summary>
            <RevisionsPanel articleId={article.id} version={version} />
          </details>
        </>
      )}
      {/* Last and always in the same place, so its import report stays up while the article reloads. */}
      <details open>
        <summary>Review bundle</summary>
        <BundlePanel articleId={article?.id ?? null} />
      </details>
    </div>
  )
}
