/** Copydesk's own three-way merge for sync: the git side (src/main/sync) calls these. */
export { mergeArticle } from './article-merge'
export { mergePromos } from './promo-merge'
export { resolveSlugClashes, slugTakenNotice } from './slug-clashes'
export type { ArticleMergeResult, MergeArticle, MergeConflict, MergePromos, PromoMergeResult, ThreeWay } from './types'
