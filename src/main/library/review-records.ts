import type { Article } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import type { ArticleChanges } from '../../shared/library-api'
import type { CommentThread } from '../../shared/review/comment-thread-schema'

/**
 * The changes a save may apply to `stored`. A key whose value is `undefined`
 * is absent, as everywhere in the contract. The status is refused: it moves
 * only through the review workflow (changeStatus), which checks who may move
 * it and records the step. Suggestion decisions and comment threads are
 * records that only grow, whatever an older copy in the editor sends: a save
 * adds and updates, never removes.
 */
export function saveableChanges(stored: Article, sent: ArticleChanges): ArticleChanges {
  const changes = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined)) as ArticleChanges
  if (changes.status !== undefined && changes.status !== stored.status) {
    throw new UserError(
      'invalid-input',
      'Saving does not change an article’s status: use “Change status” (changeStatus), which checks the review workflow and records who changed it. Nothing was saved.'
    )
  }
  if (changes.suggestionDecisions) {
    const kept = stored.suggestionDecisions ?? []
    const known = new Set(kept.map((decision) => decision.id))
    changes.suggestionDecisions = [...kept, ...changes.suggestionDecisions.filter((decision) => !known.has(decision.id))]
  }
  if (changes.comments) changes.comments = grownThreads(stored.comments ?? [], changes.comments)
  return changes
}

/**
 * The threads a save sends, over the stored ones: a thread or a message the
 * save leaves out is kept, and a thread once resolved or reopened keeps that
 * record. Replies, edits and new resolutions come from the save.
 */
function grownThreads(stored: readonly CommentThread[], sent: readonly CommentThread[]): CommentThread[] {
  const sentById = new Map(sent.map((thread) => [thread.id, thread]))
  const storedIds = new Set(stored.map((thread) => thread.id))
  const kept = stored.map((thread) => {
    const next = sentById.get(thread.id)
    if (!next) return thread
    const sentMessages = new Set(next.messages.map((message) => message.id))
    const dropped = thread.messages.filter((message) => !sentMessages.has(message.id))
    const messages = dropped.length ? [...next.messages, ...dropped].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) : next.messages
    return { ...next, messages, resolution: next.resolution ?? thread.resolution }
  })
  return [...kept, ...sent.filter((thread) => !storedIds.has(thread.id))]
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
