import type { Node as PMNode } from '@tiptap/pm/model'
import { suggestionMarkOf } from '../find-suggestions'
import { reviewMarks } from '../review-marks'

const reviewMarkNames = new Set(reviewMarks.map((mark) => mark.name))

/** Inline content that exists only as a pending insertion. */
export const isPendingInsertion = (node: PMNode): boolean => !!suggestionMarkOf(node, 'insert')

/**
 * A textblock's accepted-so-far content, written so that two copies of the
 * same text compare equal whatever review marks each carries: the block type
 * and attributes, then runs of text with their formatting.
 */
export function cleanFingerprint(block: PMNode, path: string): string {
  const runs: [string, string][] = []
  block.forEach((child) => {
    if (isPendingInsertion(child)) return
    const marks = child.marks
      .filter((mark) => !reviewMarkNames.has(mark.type.name))
      .map((mark) => JSON.stringify(mark.toJSON()))
      .join()
    const text = child.isText ? child.text! : `\u{fffc}${child.type.name}`
    const last = runs.at(-1)
    if (last && last[0] === marks) last[1] += text
    else runs.push([marks, text])
  })
  return JSON.stringify([path, block.type.name, block.attrs, runs])
}

/**
 * Offset of `pos` in the block's accepted-so-far text: positions inside a
 * pending insertion count as where the insertion sits.
 */
export function cleanOffsetAt(block: PMNode, blockPos: number, pos: number): number {
  let offset = 0
  let childPos = blockPos + 1
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i)
    if (childPos >= pos) break
    if (!isPendingInsertion(child)) offset += Math.min(child.nodeSize, pos - childPos)
    childPos += child.nodeSize
  }
  return offset
}

/**
 * The document position of clean offset `offset` in a block. Pending
 * insertions sitting exactly there come before the position when `assoc` is
 * 1 and after it when -1.
 */
export function positionOfCleanOffset(block: PMNode, blockPos: number, offset: number, assoc: 1 | -1): number {
  let counted = 0
  let pos = blockPos + 1
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i)
    if (isPendingInsertion(child)) {
      if (counted === offset && assoc < 0) return pos
    } else {
      const end = counted + child.nodeSize
      if (offset < end || (offset === end && assoc < 0)) return pos + (offset - counted)
      counted = end
    }
    pos += child.nodeSize
  }
  return pos
}
