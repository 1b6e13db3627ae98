import type { ArticleMeta } from '../article/article'
import type { Promo } from '../article/promo'

export const profileNames = ['hugo', 'jekyll', 'astro', 'plain'] as const
export type ProfileName = (typeof profileNames)[number]

export interface ExportContext {
  /** The library's promos, resolved at export time. */
  promos: Promo[]
  /** YYYY-MM-DD: decides which promos have expired. */
  today: string
  /** Articles this one may link to in its related-articles list, by id. */
  related?: Map<string, Pick<ArticleMeta, 'id' | 'slug' | 'title'>>
}

export type ExportWarningKind =
  | 'missing-alt'
  | 'missing-promo'
  | 'expired-promo'
  | 'scheduled-promo'
  | 'empty-faq-answer'
  | 'empty-faq-question'
  | 'unsafe-link'
  | 'unsafe-image'
  | 'outside-image'
  | 'heading-level'
  | 'missing-related'
  | 'simplified-table'
  | 'template-syntax-in-code'
  | 'dialect-simplified'
  | 'duplicate-slug'

export interface ExportWarning {
  articleId: string
  kind: ExportWarningKind
  /** One sentence an editor can act on. */
  message: string
}

/** A library media file the exported text refers to, and where it goes. */
export interface MediaFile {
  /** As stored in the article, e.g. "media/3f2a-photo.jpg". */
  src: string
  /** Where to copy it, relative to the export's root folder. */
  path: string
  /** The URL the exported text uses for it. */
  url: string
}

export interface ExportResult {
  content: string
  warnings: ExportWarning[]
  /** Library media to copy alongside the content, in order of first use. */
  media: MediaFile[]
}

/** Where a profile puts things in the site repository. */
export interface LayoutOptions {
  /** Hugo section, Astro collection: one or more lowercase path segments, e.g. "posts" or "blog/news". */
  section?: string
  /** Hugo and plain: a folder per article (`<slug>/index.md`) holding its images. */
  bundle?: boolean
}

export interface KitFile {
  /** Relative to the site root. */
  path: string
  content: string
}
