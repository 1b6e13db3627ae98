/** Copydesk's own three-way merge: the git side of sync (src/main/sync) calls these; an editor's save merges its body with mergeBodies (body-merge.ts). */
export { mergeArticle } from './article-merge'
export { mergePromos } from './promo-merge'
export { resolveSlugClashes, slugTakenNotice } from './slug-clashes'
export type { ArticleMergeResult, MergeArticle, MergeConflict, MergePromos, PromoMergeResult, ThreeWay } from './types'
