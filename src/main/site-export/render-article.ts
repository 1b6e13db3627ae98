import type { Article } from '../../shared/article/article'
import { exportMarkdown, type ExportContext, type ExportWarning, type LayoutOptions, type MediaFile, type ProfileName } from '../../shared/export'
import { readIndexedArticle, type ArticleSource } from '../library/article-source'
import { promoIdsOf } from '../library/summary'
import { sha256 } from './manifest'

/** What every article of one export is rendered with. */
export interface RenderSetup {
  ctx: ExportContext
  profile: ProfileName
  layout: LayoutOptions
}

/** One article read and rendered for the site: small enough to pass between threads. */
export interface RenderedArticle {
  article: Pick<Article, 'id' | 'title' | 'slug' | 'publishDate' | 'createdAt' | 'related'>
  promoIds: string[]
  /** The Markdown file's bytes, and their hash for the manifest. */
  content: Uint8Array
  sha256: string
  warnings: Pick<ExportWarning, 'kind' | 'message'>[]
  media: MediaFile[]
}

const encoder = new TextEncoder()

/** Reads an article the library vouches for and renders it as the profile's Markdown file. */
export async function renderArticle(source: ArticleSource, { ctx, profile, layout }: RenderSetup): Promise<RenderedArticle> {
  const article = await readIndexedArticle(source)
  const result = exportMarkdown(article, ctx, profile, layout)
  // Its own buffer (never Node's shared pool), so a worker can hand it over without copying.
  const content = encoder.encode(result.content)
  const { id, title, slug, publishDate, createdAt, related } = article
  return {
    article: { id, title, slug, publishDate, createdAt, related },
    promoIds: promoIdsOf(article),
    content,
    sha256: sha256(content),
    warnings: result.warnings.map(({ kind, message }) => ({ kind, message })),
    media: result.media
  }
}
