import * as z from 'zod'
import { bodySchema, type BodyDoc, type BodyNode } from './body'

/**
 * A body sent as the top-level blocks that changed: `remove` blocks of the
 * stored body from `from` on give way to the blocks of `insert`. Typing in a
 * long article changes one block, so an autosave sends one block, not the
 * article. `base` is the library's fingerprint of the body the splice applies
 * to: a library whose body is another one refuses it, and the body is sent
 * again with its base, to be merged (bodyMergeSchema).
 */
export const bodyPatchSchema = z.strictObject({
  base: z.string().min(1).max(100),
  from: z.number().int().min(0),
  remove: z.number().int().min(0),
  /** The new blocks, as a body of their own: checked with the body's own bounds. */
  insert: bodySchema
})
export type BodyPatch = z.infer<typeof bodyPatchSchema>

/**
 * A body sent with the body it was edited from, for when the library's copy
 * moved on meanwhile (a sync merged a teammate's edit, a review bundle came
 * in): the library merges the two edits three ways instead of one replacing
 * the other.
 */
export const bodyMergeSchema = z.strictObject({ base: bodySchema, ours: bodySchema })
export type BodyMerge = z.infer<typeof bodyMergeSchema>

/** Which blocks of a body give way to which: a body patch without its base. */
export type BlockSplice = Omit<BodyPatch, 'base'>

/**
 * The splice from `before` to `after`, found by comparing top-level blocks by
 * identity: the editor hands out the same JSON object for a block an edit did
 * not touch (body-json.ts), so this never walks inside a block. Bodies from
 * elsewhere are compared with a `same` that looks inside.
 */
export function blockSplice(before: BodyDoc, after: BodyDoc, same: (a: BodyNode, b: BodyNode) => boolean = Object.is): BlockSplice {
  const old = before.content
  const next = after.content
  let from = 0
  while (from < old.length && from < next.length && same(old[from]!, next[from]!)) from++
  let oldEnd = old.length
  let nextEnd = next.length
  while (oldEnd > from && nextEnd > from && same(old[oldEnd - 1]!, next[nextEnd - 1]!)) {
    oldEnd--
    nextEnd--
  }
  return { from, remove: oldEnd - from, insert: { type: 'doc', content: next.slice(from, nextEnd) } }
}

/** `body` with the splice applied, or null when the splice reaches past its end. */
export function spliceBody(body: BodyDoc, { from, remove, insert }: BlockSplice): BodyDoc | null {
  if (from + remove > body.content.length) return null
  return { ...body, content: [...body.content.slice(0, from), ...insert.content, ...body.content.slice(from + remove)] }
}
