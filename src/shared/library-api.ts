import * as z from 'zod'
import {
  articleSchema,
  editableFieldsSchema,
  idSchema,
  statusSchema,
  type Article,
  type ArticleMeta,
  type ArticleStatus,
} from './article/article'
import type { BodyDoc } from './article/body'
import { bodyMergeSchema, bodyPatchSchema } from './article/body-patch'
import { promoInputSchema, type Promo } from './article/promo'
import { folderHandleSchema } from './folders'

/** One row of the library list: metadata plus derived counts, never the body. */
export interface ArticleSummary
  extends Pick<ArticleMeta, 'id' | 'slug' | 'title' | 'status' | 'authors' | 'tags' | 'category' | 'publishDate' | 'createdAt' | 'updatedAt'> {
  words: number
  readingMinutes: number
  /** The dek, or the text's opening words when there is none: the row's excerpt when not searching. Absent in rows indexed before it existed. */
  lead?: string
  /** An approved or published article whose text changed after approval (src/shared/review/approval.ts). */
  editedSinceApproval?: boolean
}

/**
 * What a save, a restored revision or a status step answers: the article as
 * stored, and its new list row, so the sidebar can update without listing the
 * library again.
 */
export interface SavedArticle {
  article: Article
  summary: ArticleSummary
}

/**
 * A save's answer: the stored article and its list row, with the fingerprint
 * of the stored body, which the next save's changed blocks name as their base.
 * The article comes without its body, which the editor holds already: an
 * autosave in a long article sends a paragraph, and its answer should not
 * carry the article back.
 */
export interface SavedEdit {
  article: Omit<Article, 'body'>
  summary: ArticleSummary
  bodyFingerprint: string
  /**
   * The stored body when it is not the one the save sent or named
   * (`bodyKnown`): the library merged changes made elsewhere into it, and the
   * editor should take it in. Null otherwise.
   */
  body: BodyDoc | null
}

/** An article opened in the editor, with the fingerprint of its body, the base of the first save's changed blocks. */
export interface OpenedArticle {
  article: Article
  bodyFingerprint: string
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

/**
 * One mark in an article's history. Saves are grouped into editing sessions:
 * a `save` revision holds the article as its session left it, from
 * `createdAt` (the session's first save) to `updatedAt` (its last). Named
 * snapshots, restores and status changes are marks of their own.
 */
export interface RevisionInfo {
  id: string
  createdAt: string
  kind: 'save' | 'snapshot' | 'restore' | 'status'
  /** Set for named snapshots. */
  name: string | null
  title: string
  words: number
  /** The last save of a session; absent on other marks and on revisions written before sessions. */
  updatedAt?: string
  /** How many saves a session groups. */
  saves?: number
  /** Who made it (the profile's name), when known. */
  author?: string
  /** For a status mark: the status the article moved to. */
  status?: ArticleStatus
}

export interface PromoWithUsage {
  promo: Promo
  usedBy: { id: string; title: string }[]
}

export interface ImportReport {
  /** `warnings`: what the importer changed or dropped (scripts, unsafe links…), in plain words. */
  imported: { file: string; id: string; title: string; warnings: string[] }[]
  /** `reason`: why, in plain words, without the file's name (said beside it). */
  failed: { file: string; reason: string }[]
  /** Files left unread because the import was cancelled. */
  cancelled: string[]
}

export interface ImportProgress {
  jobId: string
  /** Files finished (imported or refused) of `total`. */
  done: number
  total: number
  /** The file being read now; absent once all are done. */
  file?: string
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
export const saveArticleSchema = z
  .strictObject({
    id: idSchema,
    /** Only the fields that changed; the rest stay as stored. */
    changes: articleChangesSchema,
    /** The body as the blocks that changed, in place of `changes.body` (autosave while typing). */
    bodyPatch: bodyPatchSchema.optional(),
    /** The body with the one it was edited from, in place of `changes.body`, for the library to merge with its own. */
    bodyMerge: bodyMergeSchema.optional(),
    /** With no body in the save: the fingerprint of the body the editor holds, which the answer leaves out while it is the stored one. */
    bodyKnown: z.string().min(1).max(100).optional()
  })
  .refine((request) => [request.bodyPatch, request.bodyMerge, request.changes.body].filter(Boolean).length <= 1, {
    message: 'A save sends the body one way: whole, as changed blocks, or with its base to merge.'
  })
export const revisionRefSchema = z.strictObject({ id: idSchema, revisionId: z.string().min(1).max(100) })
export const snapshotSchema = z.strictObject({ id: idSchema, name: z.string().trim().min(1).max(200) })
export const savePromoSchema = z.strictObject({ id: idSchema.optional(), promo: promoInputSchema })
/** Largest file an import reads; read-text refuses larger ones in plain words. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/**
 * Files dropped or picked in the renderer, as their bytes (main decodes them,
 * UTF-16 included, a Word document as is) or as text. `jobId` names the import for importProgress
 * events and cancelImport.
 */
export const importFilesSchema = z.strictObject({
  jobId: z.string().min(1).max(100).optional(),
  files: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(255),
        content: z.union([
          z.string().max(MAX_IMPORT_BYTES),
          z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'files are limited to 20 MB')
        ]),
        /**
         * Where the file was picked or dropped from (Electron gives the
         * preload its path), so main can copy the images it names beside
         * it. Main takes the folder only when the file there holds these bytes.
         */
        path: z.string().min(1).max(4096).optional()
      })
    )
    .min(1)
    .max(500)
})
export const cancelImportSchema = z.strictObject({ jobId: z.string().min(1).max(100) })
/** An image dropped, pasted or picked in the editor. */
export const addMediaSchema = z.strictObject({
  name: z.string().min(1).max(255),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 50 * 1024 * 1024, 'images are limited to 50 MB')
})
/** `folder`: a recent library's handle (from the settings); without it, main asks with the native folder dialog. */
export const openLibrarySchema = z.strictObject({ folder: folderHandleSchema.optional() })


