import { emptyBody, type BodyDoc } from '../../shared/article/body'
import { mergeBlocks, type BlockMergeContext } from './block-merge'
import { ConflictLog } from './conflicts'

/** A merged body, with what merging it found: clashes in `conflicts`, edits kept over deletes. */
export interface MergedBody extends BlockMergeContext {
  body: BodyDoc
}

/**
 * Two edits of one body made from a common `base`, merged three ways block by
 * block (mergeBlocks). Where both changed the same words ours stays and the
 * clash is logged in `conflicts`, after whatever it already holds.
 */
export function mergeBodies(base: BodyDoc, ours: BodyDoc, theirs: BodyDoc, conflicts = new ConflictLog()): MergedBody {
  const context: BlockMergeContext = { conflicts, editsOverDeletes: 0 }
  const content = mergeBlocks(base.content, ours.content, theirs.content, context)
  return { ...context, body: { ...ours, content: content.length > 0 ? content : emptyBody().content } }
}
