import type { Article } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import type { ArticleChanges } from '../../shared/library-api'

/**
 * The changes a save may apply to `stored`. The status is refused: it moves
 * only through the review workflow (changeStatus), which checks who may move
 * it and records the step. Suggestion decisions are a record that only
 * grows, whatever an older copy in the editor sends.
 */
export function saveableChanges(stored: Article, changes: ArticleChanges): ArticleChanges {
  if (changes.status !== undefined && changes.status !== stored.status) {
    throw new UserError(
      'invalid-input',
      'Saving does not change an article’s status: use “Change status” (changeStatus), which checks the review workflow and records who changed it. Nothing was saved.'
    )
  }
  if (!changes.suggestionDecisions) return changes
  const kept = stored.suggestionDecisions ?? []
  const known = new Set(kept.map((decision) => decision.id))
  return { ...changes, suggestionDecisions: [...kept, ...changes.suggestionDecisions.filter((decision) => !known.has(decision.id))] }
}

/**
 * An earlier version brought back keeps the article's review record as it is
 * now: its status and the history of how it got there, the decisions taken on
 * suggestions and the comment threads are things that happened, not text to
 * rewind.
 */
export function withReviewRecord(restored: Article, current: Article): Article {
  const { status, statusHistory, suggestionDecisions, comments } = current
  return { ...restored, status, statusHistory, suggestionDecisions, comments }
}
