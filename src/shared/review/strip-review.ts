import { Transform } from '@tiptap/pm/transform'
import { walkBody, type BodyDoc } from '../article/body'
import { toProseMirror } from '../schema/to-prosemirror'
import { decideSuggestions } from './decide-suggestions'
import { reviewMarks } from './review-marks'

const reviewMarkNames = new Set(reviewMarks.map((mark) => mark.name))

export function hasReviewMarks(body: BodyDoc): boolean {
  let found = false
  walkBody(body, (node) => {
    found ||= node.marks?.some((mark) => reviewMarkNames.has(mark.type)) ?? false
  })
  return found
}

/**
 * The body as accepted so far, for every export: pending insertions are left
 * out, words suggested for deletion stay, comment anchors disappear. A body
 * without review marks comes back as it was.
 */
export function stripReview(body: BodyDoc): BodyDoc {
  if (!hasReviewMarks(body)) return body
  const tr = new Transform(toProseMirror(body))
  decideSuggestions(tr, 'reject', () => true)
  const comment = tr.doc.type.schema.marks['comment']
  if (comment) tr.removeMark(0, tr.doc.content.size, comment)
  return tr.doc.toJSON() as BodyDoc
}
