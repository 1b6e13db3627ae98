import type { ExportContext } from '../../shared/export'
import type { SearchHit } from '../../shared/library-api'
import type { Library } from '../library/library'

/** What every export of this library needs besides the article: its promos and the articles it may link to. */
export async function exportContext(library: Library, today: string): Promise<{ ctx: ExportContext; summaries: SearchHit[] }> {
  const [summaries, promos] = await Promise.all([library.listArticles(), library.promoList()])
  const ctx: ExportContext = {
    promos,
    today,
    related: new Map(summaries.map(({ id, slug, title }) => [id, { id, slug, title }]))
  }
  return { ctx, summaries }
}
