import { z } from 'zod'
import {
  articleSchema,
  editableFieldsSchema,
  idSchema,
  statusSchema,
  type ArticleMeta,
} from './article/article'
import { promoInputSchema, type Promo } from './article/promo'

/** One row of the library list: metadata plus derived counts, never the body. */
export interface ArticleSummary
  extends Pick<ArticleMeta, 'id' | 'slug' | 'title' | 'status' | 'authors' | 'tags' | 'category' | 'publishDate' | 'createdAt' | 'updatedAt'> {
  words: number
  readingMinutes: number
}

export interface TrashedArticle extends ArticleSummary {
  trashedAt: string
}

export interface SearchHit extends ArticleSummary {
  /** A short excerpt around the best match, plain text. */
  excerpt: string
}

export interface LibraryInfo {
  path: string
  name: string
  articleCount: number
  /** Plain-words notes from opening: index rebuilt, unreadable files moved aside… */
  notices: string[]
}

export interface RevisionInfo {
  id: string
  createdAt: string
  kind: 'save' | 'snapshot' | 'restore'
  /** Set for named snapshots. */
  name: string | null
  title: string
  words: number
}

export interface PromoWithUsage {
  promo: Promo
  usedBy: { id: string; title: string }[]
}

export interface ImportReport {
  /** `warnings`: what the importer changed or dropped (scripts, unsafe links…), in plain words. */
  imported: { file: string; id: string; title: string; warnings: string[] }[]
  failed: { file: string; reason: string }[]
}

export const listQuerySchema = z.strictObject({
  query: z.string().max(500).optional(),
  status: statusSchema.optional(),
  tag: z.string().max(100).optional(),
  author: z.string().max(200).optional(),
  sort: z.enum(['updated', 'title', 'relevance']).optional()
})
export type ListQuery = z.infer<typeof listQuerySchema>

export const byIdSchema = z.strictObject({ id: idSchema })
export const createArticleSchema = z.strictObject({ title: z.string().max(300).optional() })
/**
 * What a save may change: the fields a writer edits, and the comment threads
 * and suggestion decisions made in the editor along with the body. A save
 * that would change the status is refused: the status changes only through
 * changeStatus, which keeps its history.
 */
export const articleChangesSchema = editableFieldsSchema
  .partial()
  .extend(articleSchema.pick({ comments: true, suggestionDecisions: true }).shape)
export type ArticleChanges = z.infer<typeof articleChangesSchema>
export const saveArticleSchema = z.strictObject({
  id: idSchema,
  /** Only the fields that changed; the rest stay as stored. */
  changes: articleChangesSchema
})
export const revisionRefSchema = z.strictObject({ id: idSchema, revisionId: z.string().min(1).max(100) })
export const snapshotSchema = z.strictObject({ id: idSchema, name: z.string().trim().min(1).max(200) })
export const savePromoSchema = z.strictObject({ id: idSchema.optional(), promo: promoInputSchema })
/** Files dropped or picked in the renderer, read there as text. */
export const importFilesSchema = z.strictObject({
  files: z
    .array(z.strictObject({ name: z.string().min(1).max(255), content: z.string().max(20 * 1024 * 1024) }))
    .min(1)
    .max(500)
})
/** An image dropped, pasted or picked in the editor. */
export const addMediaSchema = z.strictObject({
  name: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 50 * 1024 * 1024, 'images are limited to 50 MB')
})
export const openLibrarySchema = z.strictObject({ path: z.string().min(1).max(4096).optional() })


