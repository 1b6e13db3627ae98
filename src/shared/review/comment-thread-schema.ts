import * as z from 'zod'
import { actorSchema } from './actor'
import { isoDateTimeSchema, reviewIdSchema } from './review-scalars'

export const commentTextSchema = z.string().trim().min(1, 'a comment cannot be empty').max(10_000)

export const commentMessageSchema = z.object({
  id: reviewIdSchema,
  author: actorSchema,
  at: isoDateTimeSchema,
  text: commentTextSchema,
  /** Set when the author changed the text after posting; merges use it to tell an edit from the original. */
  editedAt: isoDateTimeSchema.optional()
})
export type CommentMessage = z.infer<typeof commentMessageSchema>

/**
 * A comment thread. Its anchor is the `comment` mark carrying its id in the
 * body, so it follows the text as the text is edited; the quote keeps the
 * words it was first attached to, for when that text is deleted.
 */
export const commentThreadSchema = z.object({
  id: reviewIdSchema,
  quote: z.string().max(2000),
  messages: z.array(commentMessageSchema).min(1).max(1000),
  /** The last resolve or reopen (who, when); null while nobody has resolved the thread. */
  resolution: z.object({ resolved: z.boolean(), by: actorSchema, at: isoDateTimeSchema }).nullable()
})
export type CommentThread = z.infer<typeof commentThreadSchema>
