import type { JSONContent } from '@tiptap/core'
import type { ResolvedPos } from '@tiptap/pm/model'
import { TextSelection, type Transaction } from '@tiptap/pm/state'

export const emptyFaqItem = (): JSONContent => ({
  type: 'faqItem',
  content: [{ type: 'faqQuestion' }, { type: 'faqAnswer', content: [{ type: 'paragraph' }] }]
})

export const emptyFaq = (): JSONContent => ({ type: 'faq', attrs: { title: 'FAQs' }, content: [emptyFaqItem()] })

/** The depth of the FAQ item holding `$pos`, or null outside FAQs. */
export function faqItemDepth($pos: ResolvedPos): number | null {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type.name === 'faqItem') return depth
  return null
}

/** Inserts an empty item at `pos` (between items) and puts the cursor in its question. */
export function insertFaqItem(tr: Transaction, pos: number): void {
  tr.insert(pos, tr.doc.type.schema.nodeFromJSON(emptyFaqItem()))
  // item opens at pos, its question at pos + 1, the question's text at pos + 2
  tr.setSelection(TextSelection.create(tr.doc, pos + 2)).scrollIntoView()
}

/** Removes the item at `pos` unless it is its FAQ's only one (an FAQ holds at least one). */
export function removeFaqItem(tr: Transaction, pos: number): boolean {
  const $pos = tr.doc.resolve(pos)
  const item = $pos.nodeAfter
  if (!item || $pos.parent.childCount < 2) return false
  tr.delete(pos, pos + item.nodeSize)
  const $after = tr.doc.resolve(Math.min(pos, tr.doc.content.size))
  const near = TextSelection.findFrom($after, -1, true) ?? TextSelection.findFrom($after, 1, true)
  if (near) tr.setSelection(near)
  return true
}

/** Moves the cursor from a question to the start of its answer. */
export function enterAnswer(tr: Transaction): boolean {
  const { $from } = tr.selection
  if ($from.parent.type.name !== 'faqQuestion') return false
  const answerStart = $from.after()
  const inside = TextSelection.findFrom(tr.doc.resolve(answerStart + 1), 1, true)
  if (!inside) return false
  tr.setSelection(inside).scrollIntoView()
  return true
}

/**
 * Enter on an empty last paragraph of an answer ends the answer: like leaving
 * a list, the empty paragraph goes and a new question starts below.
 */
export function leaveAnswer(tr: Transaction): boolean {
  const { $from, empty } = tr.selection
  const depth = faqItemDepth($from)
  if (!empty || depth === null || $from.depth !== depth + 2) return false
  const answer = $from.node(depth + 1)
  const paragraph = $from.parent
  const isLast = $from.index(depth + 1) === answer.childCount - 1
  if (answer.type.name !== 'faqAnswer' || paragraph.content.size > 0 || !isLast || answer.childCount < 2) return false
  const itemEnd = $from.after(depth)
  tr.delete($from.before(), $from.after())
  insertFaqItem(tr, tr.mapping.map(itemEnd))
  return true
}
