import * as z from 'zod'

export const reviewRoles = ['writer', 'editor'] as const
export const roleSchema = z.enum(reviewRoles)
export type ReviewRole = z.infer<typeof roleSchema>

/** Who did something: the local profile, stamped on every review action. */
export const actorSchema = z.object({
  name: z.string().trim().min(1, 'a name is needed').max(200),
  role: roleSchema
})
export type Actor = z.infer<typeof actorSchema>
