import * as z from 'zod'
import { bodySchema } from './body'
import { SLUG_MAX_LENGTH, slugPattern } from './slug'
import { actorSchema } from '../review/actor'
import { commentThreadSchema } from '../review/comment-thread-schema'
import { suggestionDecisionSchema } from '../review/suggestion-decision-schema'
import { articleStatuses } from './status'

export const ARTICLE_FORMAT_VERSION = 1

export { articleStatuses, statusLabels, type ArticleStatus } from './status'
export const statusSchema = z.enum(articleStatuses)

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, 'not a Copydesk id')
export const slugSchema = z
  .string()
  .max(SLUG_MAX_LENGTH)
  .regex(slugPattern, 'use only lowercase letters, digits and single hyphens')
const isoDateTime = z.iso.datetime({ offset: true })
/** A publish date: a calendar day or a full timestamp. */
const publishDateSchema = z.union([z.iso.date(), isoDateTime])
/** A file inside the library's media folder, e.g. "media/3f2a-photo.jpg"; never absolute, never `..`. */
export const mediaPathSchema = z
  .string()
  .max(300)
  .regex(/^media\/[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a file in the library media folder')

const shortText = (max: number) => z.string().max(max)

export const articleMetaSchema = z.object({
  formatVersion: z.literal(ARTICLE_FORMAT_VERSION),
  id: idSchema,
  slug: slugSchema,
  /** True once a person edited the slug; until then it follows the title. */
  slugLocked: z.boolean(),
  title: shortText(300),
  dek: shortText(1000),
  authors: z.array(z.string().trim().min(1).max(200)).max(20),
  status: statusSchema,
  tags: z.array(z.string().trim().min(1).max(100)).max(50),
  category: shortText(200),
  description: shortText(1000),
  featuredImage: z.object({ src: mediaPathSchema, alt: shortText(1000) }).nullable(),
  publishDate: publishDateSchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  related: z.array(idSchema).max(20)
})
export type ArticleMeta = z.infer<typeof articleMetaSchema>

export const STATUS_NOTE_MAX_LENGTH = 2000

/** One step of the review workflow; src/shared/review/status-workflow.ts decides which steps are allowed. */
export const statusChangeSchema = z.object({
  from: statusSchema,
  to: statusSchema,
  by: actorSchema,
  at: isoDateTime,
  note: z.string().max(STATUS_NOTE_MAX_LENGTH).optional(),
  /** Checklist items that failed when the article was approved anyway; the note says why. */
  overriddenChecks: z.array(z.string().max(100)).max(50).optional(),
  /** On an approval: the fingerprint of what was approved (src/shared/review/approval.ts), so a later edit shows. */
  approvedDigest: z.string().max(40).optional()
})
export type StatusChange = z.infer<typeof statusChangeSchema>

/**
 * Review data (src/shared/review). Optional so files written before review
 * existed stay valid under format version 1: absent means empty. Only the
 * review functions change them, so they are not among the editable fields.
 */
const reviewFields = {
  statusHistory: z.array(statusChangeSchema).max(1000).optional(),
  comments: z.array(commentThreadSchema).max(2000).optional(),
  suggestionDecisions: z.array(suggestionDecisionSchema).max(10_000).optional()
}

/**
 * Set by sync when both sides changed the same words or the same field: the
 * article keeps one version and the other is kept as revision `revisionId`
 * (src/main/merge). Optional, so files without it stay valid; absent
 * means no open conflict.
 */
export const syncConflictSchema = z.object({
  at: isoDateTime,
  summary: z.string().max(1000),
  revisionId: z.string().max(100).optional(),
  /** The metadata fields both sides changed differently, so the side-by-side view offers each as a choice. */
  fields: z.array(z.enum(['slug', 'title', 'dek', 'status', 'category', 'description', 'featuredImage', 'publishDate', 'authors', 'tags', 'related'])).max(20).optional()
})
export type SyncConflict = z.infer<typeof syncConflictSchema>
export type ConflictField = NonNullable<SyncConflict['fields']>[number]

export const articleSchema = articleMetaSchema.extend({ body: bodySchema, ...reviewFields, syncConflict: syncConflictSchema.optional() })
export type Article = z.infer<typeof articleSchema>

/** The fields a writer edits; id, timestamps and format version are the library's. */
export const editableFieldsSchema = articleMetaSchema
  .omit({ formatVersion: true, id: true, createdAt: true, updatedAt: true })
  .extend({ body: bodySchema })
export type EditableFields = z.infer<typeof editableFieldsSchema>
