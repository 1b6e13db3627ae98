import * as z from 'zod'
import { articleMetaSchema, idSchema } from '../../shared/article/article'
import type { IndexEntry, TrashEntry } from './summary'

/**
 * What the index files may hold, checked as strictly as the article files
 * they summarize: a snapshot or journal line that does not fit is not used,
 * and the index is rebuilt from the articles.
 */
const count = z.number().int().nonnegative()
const stampSchema = z.object({ mtimeMs: z.number().nonnegative(), size: count })

export const indexEntrySchema = articleMetaSchema
  .pick({ id: true, slug: true, title: true, status: true, authors: true, tags: true, category: true, publishDate: true, createdAt: true, updatedAt: true })
  .extend({
    words: count,
    readingMinutes: count,
    lead: z.string().max(400).optional(),
    editedSinceApproval: z.boolean().optional(),
    promoIds: z.array(z.string()), stamp: stampSchema }) satisfies z.ZodType<IndexEntry>

export const trashEntrySchema = indexEntrySchema.extend({ trashedAt: z.iso.datetime({ offset: true }) }) satisfies z.ZodType<TrashEntry>

/**
 * 3: one line per entry, each a row of values (index-rows.ts). 2: one line
 * per entry, each an object, still read (index-snapshot.ts). 1: one JSON
 * object, still read (sealed-json-file.ts). Both are written again as 3 at
 * the opening that reads them.
 */
export const INDEX_FORMAT_VERSION = 3
export const OBJECT_LINES_VERSION = 2
const SINGLE_OBJECT_VERSION = 1

export const singleObjectSnapshotSchema = z.object({
  formatVersion: z.literal(SINGLE_OBJECT_VERSION),
  name: z.string(),
  createdAt: z.string(),
  /** Bumped by every compaction; journal lines from an older generation are already in the snapshot. */
  generation: count,
  articles: z.array(indexEntrySchema),
  trash: z.array(trashEntrySchema)
})
export const SINGLE_OBJECT_SEAL = `copydesk-index-${SINGLE_OBJECT_VERSION}`

/** The first line of a snapshot of one line per entry: what the file holds, and how many entries of each kind follow. */
export const snapshotHeaderSchema = z.object({
  formatVersion: z.union([z.literal(INDEX_FORMAT_VERSION), z.literal(OBJECT_LINES_VERSION)]),
  name: z.string(),
  createdAt: z.string(),
  generation: count,
  articles: count,
  trash: count
})

export interface Snapshot {
  name: string
  createdAt: string
  generation: number
  articles: IndexEntry[]
  trash: TrashEntry[]
}

/** The journal's first line. */
export const journalHeaderSchema = z.object({ generation: count })

/** Every later line: one change to the index. */
export const journalOpSchema = z.union([
  z.object({ put: z.literal('articles'), entry: indexEntrySchema }),
  z.object({ put: z.literal('trash'), entry: trashEntrySchema }),
  z.object({ drop: z.enum(['articles', 'trash']), id: idSchema })
])
export type JournalOp = z.infer<typeof journalOpSchema>
