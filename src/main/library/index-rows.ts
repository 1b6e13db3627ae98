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
 * any other is checked against the schema by the caller.
 */
export function entryOfRow(row: EntryRow): IndexEntry {
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
  if (row[13] !== null) entry.editedSinceApproval = row[13] as boolean
  entry.promoIds = row[14] as string[]
  entry.stamp = { mtimeMs: row[15] as number, size: row[16] as number }
  return entry
}

export function trashOfRow(row: EntryRow): TrashEntry {
  const entry = entryOfRow(row) as TrashEntry
  entry.trashedAt = row[17] as string
  return entry
}
