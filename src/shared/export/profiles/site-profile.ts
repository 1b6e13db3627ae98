import type { Article, ArticleMeta } from '../../article/article'
import { blockOutputs } from '../../blocks/outputs'
import type { DialectName } from '../markdown/dialects'
import type { KitFile, LayoutOptions, ProfileName } from '../types'

/** The fields a file location depends on: any ArticleMeta will do. */
export type PathMeta = Pick<ArticleMeta, 'slug' | 'publishDate' | 'createdAt'>

/** What a profile's front matter is made from, beyond the article's own fields. */
export interface FrontMatterParts {
  /** The featured image's URL as the site serves it. */
  imageUrl: string | null
  /** Data the site kit reads (`faq`, `promos`); empty for profiles writing blocks as HTML. */
  blockData: Record<string, unknown>
  related: Pick<ArticleMeta, 'slug' | 'title'>[]
}

export interface SiteProfile {
  name: ProfileName
  /** Where the article goes in the site repo: relative, never absolute, never `..`. */
  articlePath(article: PathMeta, options?: LayoutOptions): string
  /** Where a library media file goes in the site repo (same rules), and the URL the article uses for it. */
  mediaTarget(article: PathMeta, mediaSrc: string, options?: LayoutOptions): { path: string; url: string }
  /** Where the featured image goes when the site reads it otherwise than body images; mediaTarget when absent. */
  featuredTarget?(article: PathMeta, mediaSrc: string, options?: LayoutOptions): { path: string; url: string }
  /** The templates that render FAQ (with its FAQPage JSON-LD) and promo blocks on the site. */
  siteKit(): KitFile[]
  /** The generator's syntax Markdown text must be protected from. */
  dialect: DialectName
  /** Whether custom blocks are written as the kit's shortcodes/includes/components (else as HTML). */
  usesKit: boolean
  frontMatter(article: Article, parts: FrontMatterParts, options?: LayoutOptions): Record<string, unknown>
  /** Related articles written at the end of the body, linked from this article's path; null to leave them to the site. */
  relatedLink?(article: PathMeta, related: Pick<ArticleMeta, 'slug'>, options?: LayoutOptions): string
}

/** The kit files every custom block contributes to a profile, in registry order. */
export const blockKitFiles = (profile: ProfileName): KitFile[] => blockOutputs.flatMap((output) => output.siteKit[profile] ?? [])

/** "draft" unless approved or published: only those are meant for readers. */
export const isDraft = (article: Pick<ArticleMeta, 'status'>): boolean => article.status !== 'approved' && article.status !== 'published'

/** The day an article is dated by on a site: its publish date, else the day it was created. */
export const siteDate = (article: Pick<ArticleMeta, 'publishDate' | 'createdAt'>): string => article.publishDate ?? article.createdAt

/** Leaves out empty fields, so front matter shows only what the article has, except those named in `required`, written as empty strings. */
export function compact(fields: Record<string, unknown>, required: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).flatMap(([key, value]): [string, unknown][] => {
      const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
      if (!empty) return [[key, value]]
      return required.includes(key) ? [[key, '']] : []
    })
  )
}
