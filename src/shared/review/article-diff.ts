import type { Article } from '../article/article'
import { type BodyDoc } from '../article/body'
import { toProseMirror } from '../schema/to-prosemirror'
import { bodyUnits } from './diff/body-units'
import { diffBodies } from './diff/body-diff'
import type { ArticleDiff, DiffNames } from './diff/diff-types'
import { diffMetadata } from './diff/metadata-diff'
import { stripReview } from './strip-review'

/**
 * What changed between two versions of an article (two revisions, or a
 * revision and the current text), in terms an editor reads: metadata fields,
 * then blocks, FAQ items and promo slots with words added and removed in
 * place. Bodies are compared as they would be exported, so pending
 * suggestions and comments are not changes yet.
 */
export function diffArticles(before: Article, after: Article, names: DiffNames = {}): ArticleDiff {
  const metadata = diffMetadata(before, after, names)
  const units = (body: BodyDoc) => bodyUnits(comparable(body), names)
  const body = diffBodies(units(before.body), units(after.body))
  const sections = [...metadata, ...body.sections]
  return { identical: sections.length === 0, wordsAdded: body.wordsAdded, wordsRemoved: body.wordsRemoved, sections }
}

/** The exported body in ProseMirror's own JSON, so equal content is written the same way. */
const comparable = (body: BodyDoc): BodyDoc => toProseMirror(stripReview(body)).toJSON() as BodyDoc
