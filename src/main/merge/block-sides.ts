import { diffArrays } from 'diff'
import { bodyText, type BodyNode } from '../../shared/article/body'
import { similarity, wordDiff } from '../../shared/review/diff/word-runs'

/**
 * How each side changed a list of sibling blocks against the base: which base
 * blocks it kept, edited, deleted or moved, and what it inserted where.
 */

/** Below this share of common words, a removed and an added block read as two different blocks. */
const SAME_BLOCK_SIMILARITY = 0.4

/** How many added blocks ahead a removed block looks for its edited self. */
const PAIRING_WINDOW = 8

export const key = (node: BodyNode): string => JSON.stringify(node)

export type Fate = { kind: 'same' } | { kind: 'edited'; node: BodyNode } | { kind: 'deleted' }

/** One side's blocks seen from the base: what became of each base block, and what was inserted before each. */
export interface SideView {
  fates: Fate[]
  /** gaps[i]: blocks inserted just before base block i; gaps[base.length]: at the end. */
  gaps: BodyNode[][]
}

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

export function sideView(base: readonly BodyNode[], side: readonly BodyNode[]): SideView {
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
export function unionOf(ours: BodyNode[], theirs: BodyNode[]): BodyNode[] {
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
export function followMoves(base: readonly BodyNode[], mine: SideView, other: SideView): void {
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
