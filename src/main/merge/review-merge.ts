import { isDeepStrictEqual } from 'node:util'
import type { Article, StatusChange } from '../../shared/article/article'
import type { CommentMessage, CommentThread } from '../../shared/review/comment-thread-schema'
import { mergeThreads } from '../../shared/review/bundle/merge-threads'
import type { SuggestionDecision } from '../../shared/review/suggestion-decision-schema'
import type { ConflictLog } from './conflicts'

type ReviewRecords = Pick<Article, 'statusHistory' | 'comments' | 'suggestionDecisions'>

/** Entries of `theirs` whose key `ours` lacks, after ours; ours unchanged when they bring nothing new. */
function unionBy<T>(ours: T[] | undefined, theirs: T[] | undefined, keyOf: (item: T) => string): T[] | undefined {
  const known = new Set((ours ?? []).map(keyOf))
  const fresh = (theirs ?? []).filter((item) => !known.has(keyOf(item)))
  return fresh.length === 0 ? ours : [...(ours ?? []), ...fresh]
}

/** A step of the workflow has no id: who moved it from where to where, and when, is its identity. */
const stepKey = (step: StatusChange): string => JSON.stringify([step.at, step.from, step.to, step.by.name, step.by.role])

function mergeHistory(ours: StatusChange[] | undefined, theirs: StatusChange[] | undefined): StatusChange[] | undefined {
  const merged = unionBy(ours, theirs, stepKey)
  if (merged === ours || !merged) return merged
  // Stable: steps at the same instant keep ours before theirs.
  return [...merged].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/**
 * Comment threads keyed by id, their messages keyed by id (the review bundle's
 * merge). A message one side left as it was in the base takes the other
 * side's edit; a message whose wording both sides changed keeps ours and is a
 * conflict, so their wording is kept in the other side's revision.
 */
function mergeComments(base: CommentThread[] | undefined, ours: CommentThread[] | undefined, theirs: CommentThread[] | undefined, conflicts: ConflictLog): CommentThread[] | undefined {
  if (!theirs?.length || isDeepStrictEqual(ours, theirs)) return ours
  const messagesOf = (threads: CommentThread[]) =>
    new Map<string, CommentMessage>(threads.flatMap((thread) => thread.messages.map((m) => [`${thread.id}/${m.id}`, m] as const)))
  const baseMessages = messagesOf(base ?? [])
  const theirMessages = messagesOf(theirs)
  // Where ours is still the base's wording, their edit is the only change: take it before the two-way merge.
  const caughtUp = (ours ?? []).map((thread) => ({
    ...thread,
    messages: thread.messages.map((message) => {
      const id = `${thread.id}/${message.id}`
      const was = baseMessages.get(id)
      return was && isDeepStrictEqual(was, message) ? (theirMessages.get(id) ?? message) : message
    })
  }))
  const merged = mergeThreads(caughtUp, theirs)
  for (const conflict of merged.conflicts) if (conflict.kind === 'comment-edited-both') conflicts.add('a comment')
  return merged.threads
}

/** Review records are sets keyed by id: both sides' entries are kept. */
export function mergeReview(base: Article | undefined, ours: Article, theirs: Article, conflicts: ConflictLog): ReviewRecords {
  const records: ReviewRecords = {}
  const statusHistory = mergeHistory(ours.statusHistory, theirs.statusHistory)
  const comments = mergeComments(base?.comments, ours.comments, theirs.comments, conflicts)
  const suggestionDecisions = unionBy<SuggestionDecision>(ours.suggestionDecisions, theirs.suggestionDecisions, (d) => d.id)
  if (statusHistory) records.statusHistory = statusHistory
  if (comments) records.comments = comments
  if (suggestionDecisions) records.suggestionDecisions = suggestionDecisions
  return records
}
