import * as z from 'zod'
import { articleSchema } from '../../article/article'
import { bodySchema } from '../../article/body'
import { actorSchema } from '../actor'
import { isoDateTimeSchema } from '../review-scalars'

export const BUNDLE_KIND = 'copydesk-review-bundle'
export const BUNDLE_VERSION = 1

export const bundleEntrySchema = z.object({
  /** The article with its comment threads, suggestion marks and decisions. */
  article: articleSchema,
  /**
   * The text the comments and suggestions were made against: the body as
   * accepted so far when the bundle was made. The receiver can diff it with
   * its own copy to see what changed there since.
   */
  base: z.object({ updatedAt: isoDateTimeSchema, body: bodySchema })
})
export type BundleEntry = z.infer<typeof bundleEntrySchema>

/**
 * A review bundle: one JSON file holding one or several articles with their
 * review, sent by any means between two people who each have a library.
 */
export const reviewBundleSchema = z.object({
  kind: z.literal(BUNDLE_KIND),
  version: z.literal(BUNDLE_VERSION),
  createdAt: isoDateTimeSchema,
  createdBy: actorSchema,
  articles: z.array(bundleEntrySchema).min(1).max(1000)
})
export type ReviewBundle = z.infer<typeof reviewBundleSchema>
