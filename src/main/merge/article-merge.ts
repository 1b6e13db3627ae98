import { isDeepStrictEqual } from 'node:util'
import type { Article, ConflictField } from '../../shared/article/article'
import { checkArticle } from '../library/article-rules'
import { mergeBodies } from './body-merge'
import { ConflictLog } from './conflicts'
import { later, mergeValue } from './field-merge'
import { mergeMetadata } from './metadata-merge'
import { mergeReview } from './review-merge'
import type { ArticleMergeResult, ThreeWay } from './types'

const named = (article: Article): string => `“${article.title || 'Untitled'}”`

/**
 * Merges one article three ways (docs/article-format.md, "Merging"). Where
 * both sides changed the same words or the same field, our version of that
 * spot stays in the merged article, which is flagged `syncConflict`, and
 * their whole article comes back as `conflict.other` for the caller to keep
 * as a named revision. Whatever the sides hold, the result passes the
 * library's own check (checkArticle).
 */
export function mergeArticle({ base, ours, theirs }: ThreeWay<Article>): ArticleMergeResult {
  if (!ours || !theirs) return oneSide(base, ours ?? theirs)
  if (!base) return createdOnBoth(ours, theirs)
  return mergeBoth(base, ours, theirs)
}

/** Present on one side only: created there, or deleted on the other side. */
function oneSide(base: Article | undefined, present: Article | undefined): ArticleMergeResult {
  const none: ArticleMergeResult = { article: undefined, conflict: null, notices: [] }
  if (!present) return none
  if (!base) return { article: present, conflict: null, notices: [] }
  if (isDeepStrictEqual(present, base)) return none
  return {
    article: present,
    conflict: null,
    notices: [`${named(present)} was deleted on one side and edited on the other: the edit wins, and the article came back from the trash.`]
  }
}

/**
 * The same id created on both sides without a common version (the same
 * review bundle imported on two machines, say). With no base nothing tells
 * which side changed what, so unless both are the same it is a conflict: ours
 * stays with both sides' review records, theirs is kept whole.
 */
function createdOnBoth(ours: Article, theirs: Article): ArticleMergeResult {
  if (isDeepStrictEqual(ours, theirs)) return { article: ours, conflict: null, notices: [] }
  const log = new ConflictLog()
  const article = { ...ours, ...mergeReview(undefined, ours, theirs, log), updatedAt: later(ours.updatedAt, theirs.updatedAt) }
  const summary = 'Both sides created this article separately.'
  return flagged(article, ours, theirs, summary)
}

function mergeBoth(base: Article, ours: Article, theirs: Article): ArticleMergeResult {
  const conflicts = new ConflictLog()
  const meta = mergeMetadata(base, ours, theirs, conflicts)
  const { body, editsOverDeletes } = mergeBodies(base.body, ours.body, theirs.body, conflicts)
  const article: Article = { ...meta, body, ...mergeReview(base, ours, theirs, conflicts) }
  const flag = mergeValue(base.syncConflict, ours.syncConflict, theirs.syncConflict).value
  if (flag) article.syncConflict = flag
  const notices =
    editsOverDeletes === 0
      ? []
      : [
          `${named(article)}: ${editsOverDeletes === 1 ? 'a block' : `${editsOverDeletes} blocks`} deleted on one side had been edited on the other; the edited text is kept.`
        ]
  if (conflicts.any) return { ...flagged(article, ours, theirs, conflicts.summary(), conflicts.fields), notices }
  const valid = validated(article)
  if (valid) return { article: valid, conflict: null, notices }
  // Cannot happen with valid sides; should it, losing nothing beats a merged article the library refuses.
  return { ...flagged(ours, ours, theirs, 'Both sides changed this article in ways that could not be merged.'), notices }
}

/** A merged article with a conflict: flagged, and their whole article returned to be kept as a revision. */
function flagged(article: Article, ours: Article, theirs: Article, summary: string, fields: ConflictField[] = []): ArticleMergeResult {
  const mark = (a: Article): Article => ({ ...a, syncConflict: { at: a.updatedAt, summary, ...(fields.length ? { fields } : {}) } })
  const result = validated(mark(article)) ?? checkArticle(mark(ours))
  return { article: result, conflict: { kept: 'ours', other: theirs, summary }, notices: [] }
}

function validated(article: Article): Article | null {
  try {
    return checkArticle(article)
  } catch {
    return null
  }
}
