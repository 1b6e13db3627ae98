import type { Article } from '../../shared/article/article'
import { CURRENT, type DiffRevisionsRequest } from '../../shared/review-api'
import { diffArticles } from '../../shared/review/article-diff'
import type { ArticleDiff } from '../../shared/review/diff/diff-types'
import { exportContext } from '../site-export/context'
import { localDay } from '../../shared/local-day'
import type { Library } from './library'

/**
 * What changed between two versions of an article (revision ids, or
 * 'current'), with the promos and related articles it names shown by name.
 */
export async function diffRevisions(library: Library, { id, from, to }: DiffRevisionsRequest): Promise<ArticleDiff> {
  const version = (ref: string): Promise<Article> => (ref === CURRENT ? library.getArticle(id) : library.getRevision(id, ref))
  const [before, after, { ctx }] = await Promise.all([version(from), version(to), exportContext(library, localDay())])
  const promoNames = new Map(ctx.promos.map((promo) => [promo.id, promo.name]))
  return diffArticles(before, after, {
    promoName: (promoId) => promoNames.get(promoId),
    articleTitle: (articleId) => ctx.related?.get(articleId)?.title
  })
}
