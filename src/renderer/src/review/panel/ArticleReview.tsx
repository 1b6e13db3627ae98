import type { Article } from '../../../../shared/article/article'
import { useReview } from '../ReviewContext'
import { ChecklistPanel } from './ChecklistPanel'
import { PanelSection } from './PanelSection'
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
      <PanelSection title="Suggestions" initiallyOpen>
        {editor && <SuggestionsList editor={editor} />}
      </PanelSection>
      <PanelSection title="Ready to publish?">
        <ChecklistPanel articleId={article.id} version={version} />
      </PanelSection>
      <PanelSection title="Status history">
        <StatusHistory history={article.statusHistory ?? []} />
      </PanelSection>
      <PanelSection title="Revisions">
        <RevisionsPanel articleId={article.id} version={version} />
      </PanelSection>
    </>
  )
}
