import { diffArrays } from 'diff'
import { bodyText, emptyBody, type BodyDoc, type BodyNode } from '../../../shared/article/body'
import type { Run } from '../../../shared/review/diff/diff-types'
import { wordDiff } from '../../../shared/review/diff/word-runs'

export type Side = 'ours' | 'theirs'

/**
 * One line of the side-by-side view: a block both versions hold alike, or
 * the blocks that differ at one place (either may be missing: added on one
 * side only), for the user to pick.
 */
export type ConflictRow = { same: true; block: BodyNode } | { same: false; ours: BodyNode | null; theirs: BodyNode | null }

const sameBlock = (a: BodyNode, b: BodyNode): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Lines up the two bodies block by block: unchanged runs of blocks anchor it, the blocks between them pair in order. */
export function conflictRows(ours: BodyDoc, theirs: BodyDoc): ConflictRow[] {
  const rows: ConflictRow[] = []
  let onlyOurs: BodyNode[] = []
  let onlyTheirs: BodyNode[] = []
  const pairUp = (): void => {
    for (let n = 0; n < Math.max(onlyOurs.length, onlyTheirs.length); n++) rows.push({ same: false, ours: onlyOurs[n] ?? null, theirs: onlyTheirs[n] ?? null })
    onlyOurs = []
    onlyTheirs = []
  }
  for (const change of diffArrays(ours.content ?? [], theirs.content ?? [], { comparator: sameBlock })) {
    if (change.removed) onlyOurs.push(...change.value)
    else if (change.added) onlyTheirs.push(...change.value)
    else {
      pairUp()
      rows.push(...change.value.map((block): ConflictRow => ({ same: true, block })))
    }
  }
  pairUp()
  return rows
}

/** The body the user settled on: blocks both hold, and at each differing place the side picked (nothing if that side had none). */
export function chosenBody(ours: BodyDoc, rows: ConflictRow[], picks: readonly Side[]): BodyDoc {
  const content = rows.flatMap((row, n) => {
    const block = row.same ? row.block : row[picks[n] ?? 'ours']
    return block ? [block] : []
  })
  return { ...ours, content: content.length > 0 ? content : emptyBody().content }
}

/** The words of each side of a differing place, those the other side lacks marked. */
export function sideRuns(row: Extract<ConflictRow, { same: false }>): Record<Side, Run[] | null> {
  const ours = row.ours ? bodyText(row.ours) : null
  const theirs = row.theirs ? bodyText(row.theirs) : null
  if (ours === null || theirs === null) return { ours: ours === null ? null : [{ kind: 'same', text: ours }], theirs: theirs === null ? null : [{ kind: 'same', text: theirs }] }
  const { runs } = wordDiff(ours, theirs)
  return { ours: runs.filter((run) => run.kind !== 'added'), theirs: runs.filter((run) => run.kind !== 'removed') }
}
