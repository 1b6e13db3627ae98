import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { UserError } from '../ipc/result'
import { CommentMark } from './comment-mark'
import { markRuns, type MarkRun } from './inline-runs'

export interface CommentAnchor {
  threadId: string
  /** From the first to the last word the thread's mark covers. */
  from: number
  to: number
  /** The words it covers now. */
  text: string
}

const commentType = (doc: PMNode) => {
  const type = doc.type.schema.marks[CommentMark.name]
  if (!type) throw new Error('The schema has no comment mark')
  return type
}

/** Attaches thread `threadId` to the words between `from` and `to`. */
export function anchorComment(tr: Transform, from: number, to: number, threadId: string): void {
  const type = commentType(tr.doc)
  let hasText = false
  let markable = false
  tr.doc.nodesBetween(from, to, (node, _pos, parent) => {
    hasText ||= node.isText
    markable ||= node.isText && !!parent?.type.allowsMarkType(type) && !node.marks.some((m) => m.type.excludes(type))
    return !markable
  })
  if (from >= to || !hasText) throw new UserError('invalid-input', 'Select some words of the text to comment on them.')
  if (!markable)
    throw new UserError('invalid-input', 'Comments cannot be attached to code or to an FAQ question yet; select words around them instead.')
  tr.addMark(from, to, type.create({ threadId }))
}

/** Takes thread `threadId`'s anchor out of the document, for a thread that is deleted. */
export function removeCommentAnchor(tr: Transform, threadId: string): void {
  const type = commentType(tr.doc)
  tr.doc.descendants((node, pos) => {
    for (const mark of node.marks) if (mark.type === type && mark.attrs['threadId'] === threadId) tr.removeMark(pos, pos + node.nodeSize, mark)
  })
}

const commentRuns = new WeakMap<PMNode, readonly MarkRun[]>()

/** Where each thread is anchored, in document order: for the comments sidebar and to spot threads whose words were deleted. */
export function commentAnchors(doc: PMNode): CommentAnchor[] {
  const type = commentType(doc)
  const anchors = new Map<string, CommentAnchor>()
  for (const { mark, from, to } of markRuns(doc, commentRuns, (m) => m.type === type)) {
    const threadId = mark.attrs['threadId'] as string
    const anchor = anchors.get(threadId)
    if (anchor) anchor.to = to
    else anchors.set(threadId, { threadId, from, to, text: '' })
  }
  for (const anchor of anchors.values()) anchor.text = doc.textBetween(anchor.from, anchor.to, ' ', ' ')
  return [...anchors.values()]
}
