import type { Suggestion } from '../find-suggestions'

/** Something a merge did not decide alone, told in plain words. */
export interface MergeConflict {
  kind: 'suggestion-text-changed' | 'suggestion-overlaps' | 'comment-anchor-lost' | 'comment-edited-both' | 'status-differs'
  message: string
  suggestionId?: string
  threadId?: string
  messageId?: string
}

/** Long quotes cut for one-line messages. */
export const shorten = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text)

/** "replace “great” with “remarkable”", for conflict messages. */
export function describeSuggestion(suggestion: Suggestion): string {
  const { inserted, deleted } = suggestion
  if (inserted && deleted) return `replace “${shorten(deleted)}” with “${shorten(inserted)}”`
  return inserted ? `insert “${shorten(inserted)}”` : `delete “${shorten(deleted)}”`
}

