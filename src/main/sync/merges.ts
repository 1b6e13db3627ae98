import type { Merges } from './merge-commit'
import type { MergeArticle, MergePromos } from './merge/types'

/**
 * The merges a sync runs with: the one place they are wired.
 *
 * INTERIM, until Copydesk's own three-way merge (./merge/index.ts, written
 * alongside) is wired here instead: an article changed on both sides keeps
 * this library's version and saves the remote's whole as a conflict
 * revision, so nothing is lost but nothing is merged field by field either;
 * an edit wins over a deletion; promos are merged by id, this library's
 * version of a promo both sides changed winning.
 */
const keepBothArticle: MergeArticle = ({ ours, theirs }) => {
  if (!ours || !theirs) {
    const kept = ours ?? theirs
    return { article: kept, conflict: null, notices: kept ? [`“${kept.title || 'Untitled'}” was deleted on one side and edited on the other, so it was kept.`] : [] }
  }
  if (JSON.stringify(ours) === JSON.stringify(theirs)) return { article: ours, conflict: null, notices: [] }
  return { article: ours, conflict: { kept: 'ours', other: theirs, summary: 'both sides changed it' }, notices: [] }
}

const byIdPromos: MergePromos = ({ base, ours, theirs }) => {
  const merged = new Map((ours ?? []).map((promo) => [promo.id, promo]))
  const inBase = new Set((base ?? []).map((promo) => promo.id))
  for (const promo of theirs ?? []) if (!merged.has(promo.id) && !inBase.has(promo.id)) merged.set(promo.id, promo)
  return { promos: [...merged.values()], notices: [] }
}

export const syncMerges: Merges = { mergeArticle: keepBothArticle, mergePromos: byIdPromos }
