import * as z from 'zod'

const toggle = z.object({ enabled: z.boolean().default(true) }).prefault({})

const lengthRange = (min: number, max: number) =>
  z
    .object({
      enabled: z.boolean().default(true),
      min: z.number().int().min(0).max(100_000).default(min),
      max: z.number().int().min(1).max(100_000).default(max)
    })
    .refine((range) => range.min <= range.max, 'the minimum must not be above the maximum')
    .prefault({})

/**
 * The pre-export checklist of one library. Every check can be turned off;
 * lengths are in characters. `checklistConfigSchema.parse({})` gives the
 * defaults: a title search engines show whole, a description that fits a
 * result snippet, and at least a short article's worth of words.
 */
export const checklistConfigSchema = z.object({
  titleLength: lengthRange(10, 70),
  descriptionLength: lengthRange(50, 160),
  uniqueSlug: toggle,
  imageAltText: toggle,
  faqAnswers: toggle,
  promos: toggle,
  minimumWords: z
    .object({ enabled: z.boolean().default(true), min: z.number().int().min(0).max(1_000_000).default(300) })
    .prefault({}),
  /**
   * Not a check but the approval's own rule: when enabled, an edit of an
   * approved article's text sends it back to review. Off by default: the
   * article is marked "edited since approval" and export and publishing warn.
   */
  editsAfterApproval: z.object({ backToReview: z.boolean().default(false) }).prefault({})
})
export type ChecklistConfig = z.infer<typeof checklistConfigSchema>
export type ChecklistConfigInput = z.input<typeof checklistConfigSchema>

export const defaultChecklistConfig = (): ChecklistConfig => checklistConfigSchema.parse({})
