import type { Article } from '../../../../shared/article/article'
import { lazyView } from '../../lib/lazy-view'
import { BundlePanel } from './BundlePanel'

const ArticleReview = lazyView(() => import('./ArticleReview').then((module) => module.ArticleReview))
/** Loaded with the editor (see ArticleWorkspace): both show as an article opens, and its suggestions need Tiptap. */
export const preloadArticleReview = ArticleReview.preload

/**
 * The open article's review, under its details: suggestions, checklist,
 * status history, revisions, bundles. With no article open, importing a
 * bundle is still there: it may bring the article.
 */
export function ReviewPanel({ article }: { article: Article | null }): React.JSX.Element {
  return (
    <div className="review-panel">
      {article && <ArticleReview article={article} />}
      {/* Last and always in the same place, so its import report stays up while the article reloads. */}
      <details open>
        <summary>Review bundle</summary>
        <BundlePanel articleId={article?.id ?? null} />
      </details>
    </div>
  )
}
