import type { Article, ArticleStatus } from '../../../src/shared/article/article'
import type { Library } from '../../../src/main/library/library'
import { changeStatus } from '../../../src/main/library/review-status'
import { editor, writer } from '../../shared/review/actors'
import { addHostingPromo, netflixFields } from './temp-library'

/** The day the review tests run on: the fixture's promo is current then. */
export const today = '2026-03-02'

/** The fixture article as a fresh draft in `library`, with the promo its slots show. */
export async function netflixDraft(library: Library): Promise<Article> {
  await addHostingPromo(library)
  return library.createArticle({ ...netflixFields(), status: 'draft' })
}

/** Walks an article through the workflow, the writer submitting and the editor deciding. */
export async function moveTo(library: Library, id: string, path: ArticleStatus[]): Promise<Article> {
  let article = await library.getArticle(id)
  for (const to of path) {
    const actor = to === 'approved' || to === 'changes-requested' ? editor : writer
    article = await changeStatus(library, { id, to }, actor, today)
  }
  return article
}
