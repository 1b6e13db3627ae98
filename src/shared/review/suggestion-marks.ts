import { Mark, mergeAttributes, type Attributes } from '@tiptap/core'
import { reviewRoles, type ReviewRole } from './actor'
import { htmlDataAttribute } from './html-data-attribute'

export type SuggestionKind = 'insert' | 'delete'
export const suggestionMarkNames: Record<SuggestionKind, string> = {
  insert: 'suggestionInsert',
  delete: 'suggestionDelete'
}

/** What every suggestion mark carries. Text pieces with the same id are one suggestion, accepted or rejected together. */
export interface SuggestionAttrs {
  id: string
  author: string
  role: ReviewRole
  at: string
}

const nonEmptyText = (value: unknown): void => {
  if (typeof value !== 'string' || value === '') throw new RangeError('a suggestion needs its id, author and time')
}
const role = (value: unknown): void => {
  if (!reviewRoles.includes(value as ReviewRole)) throw new RangeError('a suggestion role is writer or editor')
}

const suggestionAttributes = (): Attributes => ({
  id: htmlDataAttribute('id', 'suggestion-id', nonEmptyText),
  author: htmlDataAttribute('author', 'suggestion-author', nonEmptyText),
  role: htmlDataAttribute('role', 'suggestion-role', role),
  at: htmlDataAttribute('at', 'suggestion-at', nonEmptyText)
})

/**
 * Track changes as marks: inserted text carries `suggestionInsert` until it is
 * accepted, deleted text stays in the document with `suggestionDelete` until
 * the deletion is accepted. Neither grows when someone types at its edge
 * outside suggestion mode. Exports call stripReview, which drops pending
 * insertions and keeps pending deletions.
 */
export const SuggestionInsertMark = Mark.create({
  name: suggestionMarkNames.insert,
  group: 'review',
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes, { class: 'review-insert' }), 0]
})

export const SuggestionDeleteMark = Mark.create({
  name: suggestionMarkNames.delete,
  group: 'review',
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes, { class: 'review-delete' }), 0]
})
