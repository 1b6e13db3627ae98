import type { Article } from '../../../src/shared/article/article'
import type { Promo } from '../../../src/shared/article/promo'
import type { Merges } from '../../../src/main/sync/merge-commit'
import type { ThreeWay } from '../../../src/main/merge/types'

/**
 * TEST DOUBLE for the git-level sync tests, standing in for Copydesk's own
 * merge (src/main/merge), which these tests do not judge: an article
 * changed on both sides keeps this side ("ours") and hands the other back as
 * a conflict; an edit beats a deletion; promos are the union by id. It
 * records every call, so a test can check which paths sync sent to be merged.
 */
export function oursWinsMerge(): Merges & { articleCalls: ThreeWay<Article>[]; promoCalls: ThreeWay<Promo[]>[] } {
  const articleCalls: ThreeWay<Article>[] = []
  const promoCalls: ThreeWay<Promo[]>[] = []
  return {
    articleCalls,
    promoCalls,
    mergeArticle(sides) {
      articleCalls.push(sides)
      const { ours, theirs } = sides
      if (!ours || !theirs) {
        const kept = ours ?? theirs
        return { article: kept, conflict: null, notices: kept ? [`test double: “${kept.title}” was edited on one side, so it stays`] : [] }
      }
      return { article: ours, conflict: { kept: 'ours', other: theirs, summary: 'test double: both changed it' }, notices: [] }
    },
    mergePromos(sides) {
      promoCalls.push(sides)
      const byId = new Map([...(sides.theirs ?? []), ...(sides.ours ?? [])].map((promo) => [promo.id, promo]))
      return { promos: [...byId.values()], notices: [] }
    }
  }
}
