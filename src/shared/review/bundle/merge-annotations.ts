import { diffArrays } from 'diff'
import type { Fragment, Mark, Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { commentAnchors } from '../comment-anchors'
import { CommentMark } from '../comment-mark'
import { findSuggestions, suggestionMarkOf } from '../find-suggestions'
import { cleanFingerprint, cleanOffsetAt, isPendingInsertion, positionOfCleanOffset } from './clean-text'
import { describeSuggestion, type MergeConflict } from './merge-conflict'

interface Textblock {
  node: PMNode
  pos: number
  fingerprint: string
}

type Operation =
  | { kind: 'mark'; from: number; to: number; mark: Mark }
  | { kind: 'insert'; pos: number; content: Fragment }

export interface AnnotationMerge {
  doc: PMNode
  conflicts: MergeConflict[]
  suggestionsAdded: number
}

/**
 * Carries the suggestions and comment anchors of `incoming` over to `local`.
 * Each one goes to the paragraph (heading, FAQ answer…) whose text is the
 * same on both sides, at the same place in that text; one whose text changed
 * here is reported instead, never forced in. Suggestions already here, and
 * those `skip` names (already decided), are left alone, and so are threads
 * already anchored here.
 */
export function mergeAnnotations(local: PMNode, incoming: PMNode, skip: (suggestionId: string) => boolean): AnnotationMerge {
  const localBlocks = textblocks(local)
  const incomingBlocks = textblocks(incoming)
  const counterpart = alignBlocks(incomingBlocks, localBlocks)
  const locate = (pos: number) => {
    const block = incomingBlocks.find((b) => pos > b.pos && pos < b.pos + b.node.nodeSize)
    return block && { block, target: counterpart.get(block) }
  }
  const operations: Operation[] = []
  const conflicts: MergeConflict[] = []
  let suggestionsAdded = 0

  const present = new Set(findSuggestions(local).map((s) => s.id))
  for (const suggestion of findSuggestions(incoming)) {
    if (present.has(suggestion.id) || skip(suggestion.id)) continue
    const planned: Operation[] = []
    let problem: MergeConflict['kind'] | null = null
    for (const piece of suggestion.pieces) {
      const found = locate(piece.from)
      if (!found?.target) {
        problem = 'suggestion-text-changed'
        break
      }
      const { block, target } = found
      const start = cleanOffsetAt(block.node, block.pos, piece.from)
      if (piece.kind === 'insert') {
        const offset = piece.from - block.pos - 1
        const content = block.node.slice(offset, offset + piece.to - piece.from).content
        planned.push({ kind: 'insert', pos: positionOfCleanOffset(target.node, target.pos, start, 1), content })
      } else {
        const from = positionOfCleanOffset(target.node, target.pos, start, 1)
        const to = positionOfCleanOffset(target.node, target.pos, cleanOffsetAt(block.node, block.pos, piece.to), -1)
        if (hasDeletion(local, from, to)) {
          problem = 'suggestion-overlaps'
          break
        }
        planned.push({ kind: 'mark', from, to, mark: piece.mark })
      }
    }
    if (problem) conflicts.push(suggestionConflict(problem, suggestion))
    else {
      operations.push(...planned)
      suggestionsAdded++
    }
  }

  const anchored = new Set(commentAnchors(local).map((a) => a.threadId))
  for (const piece of commentPieces(incoming)) {
    if (anchored.has(piece.threadId)) continue
    const found = locate(piece.from)
    if (!found?.target) continue
    const { block, target } = found
    const from = positionOfCleanOffset(target.node, target.pos, cleanOffsetAt(block.node, block.pos, piece.from), 1)
    const to = positionOfCleanOffset(target.node, target.pos, cleanOffsetAt(block.node, block.pos, piece.to), -1)
    operations.push({ kind: 'mark', from, to, mark: piece.mark })
  }

  return { doc: apply(local, operations), conflicts, suggestionsAdded }
}

/** Every textblock with where it sits, so a paragraph in an FAQ answer never matches one in the body. */
function textblocks(doc: PMNode): Textblock[] {
  const blocks: Textblock[] = []
  const walk = (node: PMNode, contentStart: number, path: string): void =>
    node.forEach((child, offset) => {
      const pos = contentStart + offset
      if (child.isTextblock) blocks.push({ node: child, pos, fingerprint: cleanFingerprint(child, path) })
      else if (!child.isLeaf) walk(child, pos + 1, `${path}>${child.type.name}`)
    })
  walk(doc, 0, 'doc')
  return blocks
}

/** Incoming textblock → the local one with the same accepted text, in the same order. */
function alignBlocks(incoming: Textblock[], local: Textblock[]): Map<Textblock, Textblock> {
  const pairs = new Map<Textblock, Textblock>()
  let i = 0
  let l = 0
  for (const change of diffArrays(incoming, local, { comparator: (a, b) => a.fingerprint === b.fingerprint })) {
    if (change.added) l += change.count
    else if (change.removed) i += change.count
    else for (let n = 0; n < change.count; n++) pairs.set(incoming[i++]!, local[l++]!)
  }
  return pairs
}

const hasDeletion = (doc: PMNode, from: number, to: number): boolean => {
  let found = false
  doc.nodesBetween(from, to, (node) => {
    found ||= node.isInline && !!suggestionMarkOf(node, 'delete')
  })
  return found
}

/** Runs of accepted text carrying a comment mark; comments on pending insertions travel with the insertion. */
function commentPieces(doc: PMNode): { threadId: string; from: number; to: number; mark: Mark }[] {
  const pieces: { threadId: string; from: number; to: number; mark: Mark }[] = []
  doc.descendants((node, pos) => {
    if (!node.isInline) return true
    if (isPendingInsertion(node)) return false
    for (const mark of node.marks) {
      if (mark.type.name !== CommentMark.name) continue
      const threadId = mark.attrs['threadId'] as string
      const last = pieces.findLast((p) => p.threadId === threadId)
      if (last && last.to === pos) last.to = pos + node.nodeSize
      else pieces.push({ threadId, from: pos, to: pos + node.nodeSize, mark })
    }
    return false
  })
  return pieces
}

function apply(doc: PMNode, operations: Operation[]): PMNode {
  const tr = new Transform(doc)
  // Marks first: they move nothing, so every planned position still holds.
  for (const op of operations) {
    if (op.kind !== 'mark') continue
    tr.doc.nodesBetween(op.from, op.to, (node, pos) => {
      if (node.isInline && !isPendingInsertion(node)) tr.addMark(Math.max(pos, op.from), Math.min(pos + node.nodeSize, op.to), op.mark)
    })
  }
  const inserts = operations.filter((op) => op.kind === 'insert').sort((a, b) => a.pos - b.pos)
  for (const op of inserts) tr.insert(tr.mapping.map(op.pos, 1), op.content)
  return tr.doc
}

function suggestionConflict(kind: MergeConflict['kind'], suggestion: Parameters<typeof describeSuggestion>[0]): MergeConflict {
  const what = `${suggestion.author}’s suggestion to ${describeSuggestion(suggestion)}`
  const message =
    kind === 'suggestion-overlaps'
      ? `${what} covers words already suggested for deletion here, so it was not applied.`
      : `The text of ${what} has changed here, so the suggestion was not applied; make the change by hand if it still fits.`
  return { kind, suggestionId: suggestion.id, message }
}
