import { diffArrays } from 'diff'
import { isDeepStrictEqual } from 'node:util'
import { bodyText, type BodyNode } from '../../../shared/article/body'
import { articleSchema as editorSchema } from '../../../shared/schema/extensions'
import { similarity, wordDiff } from '../../../shared/review/diff/word-runs'
import type { ConflictLog } from './conflicts'
import { inlineContent, inlineTokens } from './inline-tokens'
import { mergeSequences } from './sequence-merge'

/** Below this share of common words, a removed and an added block read as two different blocks. */
const SAME_BLOCK_SIMILARITY = 0.4

/** How many added blocks ahead a removed block looks for its edited self. */
const PAIRING_WINDOW = 8

const key = (node: BodyNode): string => JSON.stringify(node)

type Fate = { kind: 'same' } | { kind: 'edited'; node: BodyNode } | { kind: 'deleted' }

/** One side's blocks seen from the base: what became of each base block, and what was inserted before each. */
interface SideView {
  fates: Fate[]
  /** gaps[i]: blocks inserted just before base block i; gaps[base.length]: at the end. */
  gaps: BodyNode[][]
}

const names: Record<string, string> = {
  paragraph: 'a paragraph',
  heading: 'a heading',
  blockquote: 'a quote',
  bulletList: 'a list',
  orderedList: 'a numbered list',
  listItem: 'a list item',
  codeBlock: 'a code block',
  image: 'an image',
  horizontalRule: 'a divider',
  table: 'a table',
  tableRow: 'a table row',
  tableCell: 'a table cell',
  tableHeader: 'a table cell',
  faq: 'an FAQ block',
  faqItem: 'an FAQ item',
  faqQuestion: 'an FAQ question',
  faqAnswer: 'an FAQ answer',
  promoSlot: 'a promo slot'
}
const nameOf = (node: BodyNode): string => names[node.type] ?? 'a block'

function alike(a: BodyNode, b: BodyNode): boolean {
  if (a.type !== b.type) return false
  return similarity(wordDiff(bodyText(a), bodyText(b))) >= SAME_BLOCK_SIMILARITY
}

/**
 * Which removed blocks the side edited into which added ones (indices into
 * each, in order). As many blocks out as in: edited in place, block for block
 * where the kinds match. Otherwise a removed block pairs with the next added
 * block of its kind sharing enough words; the rest were deleted or inserted.
 */
function pairEdits(removed: readonly BodyNode[], added: readonly BodyNode[]): Map<number, number> {
  const pairs = new Map<number, number>()
  if (removed.length === added.length) {
    removed.forEach((node, i) => {
      if (node.type === added[i]!.type) pairs.set(i, i)
    })
    return pairs
  }
  let from = 0
  removed.forEach((node, i) => {
    // A short look ahead: a whole body pasted over another must not cost removed × added word diffs.
    const j = added.findIndex((candidate, n) => n >= from && n < from + PAIRING_WINDOW && alike(node, candidate))
    if (j < 0) return
    pairs.set(i, j)
    from = j + 1
  })
  return pairs
}

function sideView(base: readonly BodyNode[], side: readonly BodyNode[]): SideView {
  const view: SideView = { fates: base.map(() => ({ kind: 'same' })), gaps: Array.from({ length: base.length + 1 }, () => []) }
  let b = 0
  let s = 0
  let removed: number[] = []
  let added: BodyNode[] = []
  const closeHunk = (): void => {
    if (removed.length === 0 && added.length === 0) return
    const pairs = pairEdits(
      removed.map((i) => base[i]!),
      added
    )
    let next = 0
    removed.forEach((baseIndex, r) => {
      const a = pairs.get(r)
      if (a === undefined) {
        view.fates[baseIndex] = { kind: 'deleted' }
        return
      }
      view.gaps[baseIndex]!.push(...added.slice(next, a))
      view.fates[baseIndex] = { kind: 'edited', node: added[a]! }
      next = a + 1
    })
    view.gaps[b]!.push(...added.slice(next))
    removed = []
    added = []
  }
  for (const change of diffArrays(base.map(key), side.map(key))) {
    if (change.removed) {
      for (let n = 0; n < change.count; n++) removed.push(b++)
    } else if (change.added) {
      added.push(...side.slice(s, s + change.count))
      s += change.count
    } else {
      closeHunk()
      b += change.count
      s += change.count
    }
  }
  closeHunk()
  return view
}

/** Blocks both sides inserted at one place: each once, ours before theirs where they differ. */
function unionOf(ours: BodyNode[], theirs: BodyNode[]): BodyNode[] {
  if (ours.length === 0 || theirs.length === 0) return [...ours, ...theirs]
  const out: BodyNode[] = []
  let o = 0
  let t = 0
  for (const change of diffArrays(ours.map(key), theirs.map(key))) {
    if (change.added) out.push(...theirs.slice(t, (t += change.count)))
    else if (change.removed) out.push(...ours.slice(o, (o += change.count)))
    else {
      out.push(...ours.slice(o, (o += change.count)))
      t += change.count
    }
  }
  return out
}

/** Where a side put each base block it deleted in one place and inserted unchanged in another. */
function movesOf(base: readonly BodyNode[], view: SideView): Map<number, { gap: number; at: number }> {
  const inserted = new Map<string, { gap: number; at: number }>()
  view.gaps.forEach((gap, g) => gap.forEach((node, at) => inserted.has(key(node)) || inserted.set(key(node), { gap: g, at })))
  const moves = new Map<number, { gap: number; at: number }>()
  base.forEach((block, i) => {
    if (view.fates[i]!.kind !== 'deleted') return
    const place = inserted.get(key(block))
    if (!place) return
    inserted.delete(key(block))
    moves.set(i, place)
  })
  return moves
}

/**
 * A block one side moved: the other side's edit follows it to its new place;
 * moved on both sides it lands once, at our new place; moved on one side and
 * deleted on the other it goes. Without this a moved block would come back
 * twice.
 */
function followMoves(base: readonly BodyNode[], mine: SideView, other: SideView): void {
  const mineMoves = movesOf(base, mine)
  const otherMoves = movesOf(base, other)
  const drop = (view: SideView, place: { gap: number; at: number }) => view.gaps[place.gap]!.splice(place.at, 1, dropped)
  for (let i = 0; i < base.length; i++) {
    const [ours, theirs] = [mineMoves.get(i), otherMoves.get(i)]
    if (ours && theirs) drop(other, theirs)
    for (const [moved, view, stayed] of [[ours, mine, other], [theirs, other, mine]] as const) {
      if (!moved || (ours && theirs)) continue
      const fate = stayed.fates[i]!
      if (fate.kind === 'edited') {
        view.gaps[moved.gap]![moved.at] = fate.node
        stayed.fates[i] = { kind: 'deleted' }
      } else if (fate.kind === 'deleted') drop(view, moved)
    }
  }
  for (const view of [mine, other]) view.gaps = view.gaps.map((gap) => gap.filter((node) => node !== dropped))
}

/** Stands in for a block taken out of a gap, so the places of the others stay put until all moves are followed. */
const dropped: BodyNode = { type: 'dropped' }

export interface BlockMergeContext {
  conflicts: ConflictLog
  /** Blocks one side deleted while the other edited them: the edit was kept. */
  editsOverDeletes: number
}

/**
 * Merges lists of sibling blocks (the body, or the blocks inside a list,
 * quote, table or FAQ) three ways. Edits to different blocks both land;
 * blocks inserted on either side are kept, deleted ones go; a block deleted on
 * one side and edited on the other keeps the edit; a block both sides edited
 * is merged inside (see mergeNode).
 */
export function mergeBlocks(base: readonly BodyNode[], ours: readonly BodyNode[], theirs: readonly BodyNode[], context: BlockMergeContext): BodyNode[] {
  const mine = sideView(base, ours)
  const other = sideView(base, theirs)
  followMoves(base, mine, other)
  const out: BodyNode[] = []
  base.forEach((block, i) => {
    out.push(...unionOf(mine.gaps[i]!, other.gaps[i]!))
    const a = mine.fates[i]!
    const b = other.fates[i]!
    if (a.kind === 'deleted' && b.kind === 'deleted') return
    if (a.kind === 'deleted' || b.kind === 'deleted') {
      const survivor = a.kind === 'edited' ? a.node : b.kind === 'edited' ? b.node : null
      if (survivor) {
        context.editsOverDeletes++
        out.push(survivor)
      }
      return
    }
    if (a.kind === 'same') out.push(b.kind === 'edited' ? b.node : block)
    else if (b.kind === 'same') out.push(a.node)
    else out.push(mergeNode(block, a.node, b.node, context))
  })
  out.push(...unionOf(mine.gaps[base.length]!, other.gaps[base.length]!))
  return out
}

/** Attributes three ways, key by key; a key both sides set differently is a conflict (ours is kept). */
function mergeAttrs(base: BodyNode['attrs'], ours: BodyNode['attrs'], theirs: BodyNode['attrs']): { attrs: BodyNode['attrs']; clash: boolean } {
  if (isDeepStrictEqual(ours, theirs) || isDeepStrictEqual(theirs, base)) return { attrs: ours, clash: false }
  if (isDeepStrictEqual(ours, base)) return { attrs: theirs, clash: false }
  const attrs: Record<string, unknown> = { ...ours }
  let clash = false
  for (const name of new Set([...Object.keys(ours ?? {}), ...Object.keys(theirs ?? {})])) {
    const [was, mine, other] = [base?.[name], ours?.[name], theirs?.[name]]
    if (isDeepStrictEqual(mine, other) || isDeepStrictEqual(other, was)) continue
    if (isDeepStrictEqual(mine, was)) {
      if (other === undefined) delete attrs[name]
      else attrs[name] = other
    } else clash = true
  }
  return { attrs, clash }
}

/**
 * One block both sides edited. Inside a paragraph, heading, FAQ question or
 * code block the words merge where the changed words do not overlap, each
 * keeping its marks; container blocks merge their children as blocks. Words
 * changed both ways, or an attribute set both ways, keep our version of that
 * spot and count as a conflict. A result the editor's schema would refuse
 * falls back to our block whole.
 */
function mergeNode(base: BodyNode, ours: BodyNode, theirs: BodyNode, context: BlockMergeContext): BodyNode {
  if (key(ours) === key(theirs)) return ours
  const attrs = mergeAttrs(base.attrs, ours.attrs, theirs.attrs)
  const merged: BodyNode = { ...ours }
  if (attrs.attrs) merged.attrs = attrs.attrs
  let clash = attrs.clash
  const type = editorSchema.nodes[ours.type]
  if (type?.isTextblock) {
    const regions = mergeSequences(inlineTokens(base.content), inlineTokens(ours.content), inlineTokens(theirs.content), (t) => t.key)
    clash ||= regions.some((r) => r.kind === 'conflict')
    const content = inlineContent(regions.flatMap((r) => (r.kind === 'ok' ? r.items : r.ours)))
    if (content.length > 0) merged.content = content
    else delete merged.content
  } else if (ours.content || theirs.content) {
    merged.content = mergeBlocks(base.content ?? [], ours.content ?? [], theirs.content ?? [], context)
  }
  if (clash) context.conflicts.add(nameOf(ours))
  if (!fitsSchema(merged)) {
    context.conflicts.add(nameOf(ours))
    return ours
  }
  return merged
}

function fitsSchema(node: BodyNode): boolean {
  try {
    editorSchema.nodeFromJSON(node).check()
    return true
  } catch {
    return false
  }
}
