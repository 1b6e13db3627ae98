import * as z from 'zod'
import { bodySchema } from './article/body'
import { articleMetaSchema, idSchema, type ConflictField } from './article/article'

/** The conflicting metadata fields the side-by-side view offers as a choice. */
export const conflictChoiceFields = {
  title: true,
  dek: true,
  category: true,
  description: true,
  featuredImage: true,
  publishDate: true,
  authors: true,
  tags: true,
  related: true
} as const satisfies Partial<Record<ConflictField, true>>
export type ConflictChoiceField = keyof typeof conflictChoiceFields

/** An article a sync flagged: the other side's words are kept whole as revision `revisionId` until someone settles it. */
export interface OpenSyncConflict {
  articleId: string
  title: string
  revisionId: string
  summary: string
  at: string
}

/** Where a shared library stands, as the status bar and `copydesk sync status` show it. */
export interface SyncStatus {
  /** `synced`: the remote has everything; `not-synced`: local work is committed but not shared (see lastError); `not-shared`: no git repository. */
  state: 'synced' | 'not-synced' | 'not-shared'
  /** Commits here the remote lacks, and the other way round, as of the last fetch. */
  ahead: number
  behind: number
  lastSyncAt: string | null
  lastError: string | null
  conflicts: OpenSyncConflict[]
  /** What this sync did that the user should know (a deletion overruled, a file left as it was…). */
  notices: string[]
}

/** Turns the open library into a shared one; `remote` (a folder, a bare repository, an SSH or HTTPS address) is where sync shares it. */
export const shareLibrarySchema = z.strictObject({ remote: z.string().trim().max(2000).optional() })

/**
 * Settles a sync conflict: `body` (the blocks the user picked from both
 * versions) and `fields` are saved and the flag cleared. `revisionId` names the conflict
 * being settled (as the flag names it; absent if the flag names none), so a view opened before another sync flagged the article
 * again cannot clear the newer conflict unseen.
 */
export const resolveSyncConflictSchema = z.strictObject({
  id: idSchema,
  revisionId: z.string().min(1).max(100).optional(),
  body: bodySchema,
  /** The metadata the user picked where both versions changed it (the slug and status change in the details and the workflow). */
  fields: articleMetaSchema.pick(conflictChoiceFields).partial().strict().optional()
})
export type ResolveSyncConflictRequest = z.infer<typeof resolveSyncConflictSchema>
