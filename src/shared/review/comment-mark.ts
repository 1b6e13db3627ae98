import { Mark, mergeAttributes } from '@tiptap/core'
import { htmlDataAttribute } from './html-data-attribute'

/**
 * Anchors a comment thread to a range of text. Being a mark, ProseMirror's
 * mapping keeps it on its words while the text around it is edited; it never
 * grows when someone types at its edge, and several threads may cover the
 * same words. Exports drop it (stripReview).
 */
export const CommentMark = Mark.create({
  name: 'comment',
  group: 'review',
  excludes: '',
  inclusive: false,
  addAttributes: () => ({ threadId: htmlDataAttribute('threadId', 'comment-thread', 'string') }),
  parseHTML: () => [{ tag: 'span[data-comment-thread]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'review-comment' }), 0]
})
