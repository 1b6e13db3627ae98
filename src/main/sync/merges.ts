import type { Merges } from './merge-commit'
import { mergeArticle, mergePromos } from '../merge'

/**
 * The merges a sync runs with, the one place they are wired: Copydesk's own
 * three-way merge (./merge, the rules in docs/article-format.md, "Merging").
 */
export const syncMerges: Merges = { mergeArticle, mergePromos }
