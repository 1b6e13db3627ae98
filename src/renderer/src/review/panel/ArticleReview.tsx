import type { Article } from '../../../../shared/article/article'
import { useReview } from '../ReviewContext'
import { ChecklistPanel } from './ChecklistPanel'
import { RevisionsPanel } from './RevisionsPanel'
import { StatusHistory } from './StatusHistory'
import { SuggestionsList } from './SuggestionsList'

/** The open article's review panels: suggestions, checklist, status history, revisions. */
export function ArticleReview({ article }: { article: Article }): React.JSX.Element {
  const { editor } = useReview()
  // Saved state the panels show again after each save.
  const version = article.updatedAt
  return (
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
  )
}
