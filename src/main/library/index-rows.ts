import type { StringPool } from './string-pool'
import type { IndexEntry, TrashEntry } from './summary'

/**
 * An index entry as one row of the snapshot (format 3): its values in a fixed
 * order, without the names. At 50,000 articles, parsing rows and making each
 * entry with one object literal took the main thread about half as long as
 * parsing objects of 16 named fields, collection included, and the file is a
 * quarter smaller. Absent optional fields are null. A trash row ends with the
 * time the article was trashed.
 */
export type EntryRow = unknown[]

export function entryRow(entry: IndexEntry): EntryRow {
  const { id, slug, title, status, authors, tags, category, publishDate, createdAt, updatedAt, words, readingMinutes, lead, editedSinceApproval, promoIds, stamp } = entry
  return [id, slug, title, status, authors, tags, category, publishDate, createdAt, updatedAt, words, readingMinutes, lead ?? null, editedSinceApproval ?? null, promoIds, stamp.mtimeMs, stamp.size]
}

export const trashRow = (entry: TrashEntry): EntryRow => [...entryRow(entry), entry.trashedAt]

/**
 * The entry of a row, with its fields in the order a freshly indexed entry
 * has them. Unchecked: a row of a sealed snapshot is as it was written, and
 * any other is checked against the schema by the caller. With `pool`, the
 * strings many entries repeat (status, category, authors, tags, promo ids)
 * are shared as the entry is made (string-pool.ts).
 *
 * Made whole by one object literal in the common cases (with a lead or
 * without, not edited since approval): adding fields to a literal after it
 * is made gave every entry a second object to hold them, which at 50,000
 * entries the young-generation collections copied along with the rest.
 */
export function entryOfRow(row: EntryRow, pool?: StringPool): IndexEntry {
  if (pool) {
    row[3] = pool.shareString(row[3])
    pool.shareEach(row[4])
    pool.shareEach(row[5])
    row[6] = pool.shareString(row[6])
    pool.shareEach(row[14])
  }
  // An article never edited has one time for both: one string, not two equal ones.
  const updatedAt = row[9] === row[8] ? row[8] : row[9]
  const stamp = { mtimeMs: row[15] as number, size: row[16] as number }
  if (row[13] !== null) return editedEntryOfRow(row, stamp)
  const lead = row[12]
  return (
    lead === null
      ? { id: row[0], slug: row[1], title: row[2], status: row[3], authors: row[4], tags: row[5], category: row[6], publishDate: row[7], createdAt: row[8], updatedAt, words: row[10], readingMinutes: row[11], promoIds: row[14], stamp }
      : { id: row[0], slug: row[1], title: row[2], status: row[3], authors: row[4], tags: row[5], category: row[6], publishDate: row[7], createdAt: row[8], updatedAt, words: row[10], readingMinutes: row[11], lead, promoIds: row[14], stamp }
  ) as IndexEntry
}

/** The rare entry marked as edited since approval, field by field. */
function editedEntryOfRow(row: EntryRow, stamp: IndexEntry['stamp']): IndexEntry {
  const entry = {
    id: row[0],
    slug: row[1],
    title: row[2],
    status: row[3],
    authors: row[4],
    tags: row[5],
    category: row[6],
    publishDate: row[7],
    createdAt: row[8],
    updatedAt: row[9],
    words: row[10],
    readingMinutes: row[11]
  } as IndexEntry
  if (row[12] !== null) entry.lead = row[12] as string
  entry.editedSinceApproval = row[13] as boolean
  entry.promoIds = row[14] as string[]
  entry.stamp = stamp
  return entry
}

export function trashOfRow(row: EntryRow, pool?: StringPool): TrashEntry {
  const entry = entryOfRow(row, pool) as TrashEntry
  entry.trashedAt = row[17] as string
  return entry
}
