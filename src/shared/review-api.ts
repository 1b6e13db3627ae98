import * as z from 'zod'
import { idSchema, STATUS_NOTE_MAX_LENGTH, statusSchema } from './article/article'
import type { BundleMerge } from './review/bundle/merge-bundle'
import type { MergeConflict } from './review/bundle/merge-conflict'
import type { Actor } from './review/actor'
import { checklistConfigSchema } from './review/checklist-config'

export const changeStatusSchema = z.strictObject({
  id: idSchema,
  to: statusSchema,
  /** Why; required to approve an article that fails the checklist. */
  note: z.string().max(STATUS_NOTE_MAX_LENGTH).optional()
})
export type ChangeStatusRequest = z.infer<typeof changeStatusSchema>

export const setChecklistConfigSchema = z.strictObject({ config: checklistConfigSchema })

/** The article as it is now. */
export const CURRENT = 'current'
/** A revision id from listRevisions, or 'current'. */
const versionSchema = z.string().min(1).max(100)
export const diffRevisionsSchema = z.strictObject({ id: idSchema, from: versionSchema, to: versionSchema })
export type DiffRevisionsRequest = z.infer<typeof diffRevisionsSchema>

export const exportReviewBundleSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(1000) })
/** A bundle file the renderer read as text; parseBundle refuses one too large to be a bundle. */
export const importReviewBundleSchema = z.strictObject({ text: z.string().min(1) })

/** What importing a bundle did to one of its articles. */
export type BundleArticleOutcome = { id: string; title: string } & (
  | {
      /** The bundle's comments, suggestions and decisions were merged into the article here. */
      outcome: 'merged'
      added: BundleMerge['added']
      /** What was not merged, in plain words; nothing here was overwritten. */
      conflicts: MergeConflict[]
    }
  /** The article was not in this library: it was added with its review, under the same id. */
  | { outcome: 'added' }
  /** Left alone, with the reason (e.g. it is in the trash here). */
  | { outcome: 'skipped'; reason: string }
)

export interface BundleImportReport {
  /** Who made the bundle and when, from the file. */
  createdBy: Actor
  createdAt: string
  articles: BundleArticleOutcome[]
}
