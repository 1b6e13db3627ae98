import { dequal } from 'dequal'
import type { BodyDoc, BodyNode } from '../../../../shared/article/body'
import { blockSplice, spliceBody } from '../../../../shared/article/body-patch'

/** Replaces `remove` of the editor's top-level blocks from `index` on with `insert`. */
export interface TakeIn {
  index: number
  remove: number
  insert: BodyNode[]
  /** The body the editor's edits start from once this is done: the library's, in the editor's own block objects where they are the same. */
  basis: BodyDoc
  /** Whether the editor holds edits since `basis` that the library has not seen. */
  typedSince: boolean
}

/**
 * How the editor takes in `theirs`, the library's copy of the body, when its
 * edits started from `basis` and it now holds `now`: the blocks that differ
 * between `basis` and `theirs` are replaced, and what was typed since stays.
 * Null when what was typed since touches or borders those blocks: two edits
 * of one spot are for the library's three-way merge (at the next save), not
 * for a splice to guess.
 *
 * `basis` and `now` share the objects of the blocks typing did not touch
 * (body-json.ts); `theirs` comes from the library, so it is compared by
 * content.
 */
export function takeIn(basis: BodyDoc, now: BodyDoc, theirs: BodyDoc): TakeIn | null {
  const ours = blockSplice(basis, now)
  const other = blockSplice(basis, theirs, dequal)
  const typedSince = ours.remove > 0 || ours.insert.content.length > 0
  const oursEnd = ours.from + ours.remove
  const otherEnd = other.from + other.remove
  if (typedSince && !(oursEnd < other.from || otherEnd < ours.from)) return null
  const shift = typedSince && oursEnd < other.from ? ours.insert.content.length - ours.remove : 0
  return {
    index: other.from + shift,
    remove: other.remove,
    insert: other.insert.content,
    // Cannot be null: both splices were found within `basis`.
    basis: spliceBody(basis, other)!,
    typedSince
  }
}
