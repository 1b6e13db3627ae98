import type { Article } from '../../shared/article/article'
import type { Promo } from '../../shared/article/promo'

/**
 * The contract between the git side of sync (src/main/sync) and Copydesk's
 * own three-way merge (src/main/merge): git only moves files; every
 * article or promo changed on both sides is merged here, never by git's line
 * merge, so no conflict marker can ever land in someone's prose.
 *
 * `undefined` means "absent on that side" (never created, or deleted).
 */
export interface ThreeWay<T> {
  base: T | undefined
  ours: T | undefined
  theirs: T | undefined
}

/** Where two sides changed the same words: one version stays, the other is kept whole. */
export interface MergeConflict {
  /** The side whose version stays in the merged article where the two clash (always 'ours' today). */
  kept: 'ours' | 'theirs'
  /** The other side's whole article, to be saved as a revision named for the conflict. */
  other: Article
  /** Plain words for the notice and the revision name, e.g. "Both changed the title and 2 paragraphs". */
  summary: string
}

export interface ArticleMergeResult {
  /** The article to write; undefined means it stays deleted (both sides deleted it). */
  article: Article | undefined
  conflict: MergeConflict | null
  /** Plain-words notices for the user (a delete overruled by an edit, a slug renamed…). */
  notices: string[]
}

export interface PromoMergeResult {
  promos: Promo[]
  notices: string[]
}

export type MergeArticle = (sides: ThreeWay<Article>) => ArticleMergeResult
export type MergePromos = (sides: ThreeWay<Promo[]>) => PromoMergeResult
