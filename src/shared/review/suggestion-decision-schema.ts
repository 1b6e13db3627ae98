import * as z from 'zod'
import { actorSchema } from './actor'
import { isoDateTimeSchema, reviewIdSchema } from './review-scalars'

/**
 * A suggestion somebody accepted or rejected. The suggestion itself leaves the
 * body then; this record keeps it from coming back when an older copy of the
 * article (a review bundle) is merged, and tells the history what happened.
 */
export const suggestionDecisionSchema = z.object({
  id: reviewIdSchema,
  decision: z.enum(['accepted', 'rejected']),
  by: actorSchema,
  at: isoDateTimeSchema,
  /** Name of who made the suggestion. */
  suggestedBy: z.string().max(200),
  inserted: z.string().max(500),
  deleted: z.string().max(500)
})
export type SuggestionDecision = z.infer<typeof suggestionDecisionSchema>
