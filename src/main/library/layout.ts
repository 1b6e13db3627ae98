import { join } from 'node:path'

/**
 * Where things live inside a library folder (docs/article-format.md).
 * Article, trash and revision files are the truth; the index files are a
 * cache that can always be rebuilt from them.
 */
export const INDEX_FILE = 'copydesk-library.json'
export const JOURNAL_FILE = 'copydesk-library.journal'
export const LOCK_DIR = 'copydesk-library.lock'
export const PROMOS_FILE = 'promos.json'
/** The search index, saved so that reopening a big library does not re-read every article (search-file.ts). */
export const SEARCH_FILE = 'copydesk-library.search'

export const folders = ['articles', 'trash', 'revisions', 'media', 'damaged'] as const

export const libraryPaths = (dir: string) => ({
  index: join(dir, INDEX_FILE),
  journal: join(dir, JOURNAL_FILE),
  lock: join(dir, LOCK_DIR),
  promos: join(dir, PROMOS_FILE),
  search: join(dir, SEARCH_FILE),
  articles: join(dir, 'articles'),
  article: (id: string) => join(dir, 'articles', `${id}.json`),
  trash: join(dir, 'trash'),
  trashed: (id: string, trashedAt: string) => join(dir, 'trash', trashFileName(id, trashedAt)),
  revisions: (id: string) => join(dir, 'revisions', id),
  media: join(dir, 'media'),
  damaged: join(dir, 'damaged')
})
export type LibraryPaths = ReturnType<typeof libraryPaths>

/**
 * A trashed article keeps its file, renamed to carry the time it was trashed,
 * so moving to and from the trash is one atomic rename and nothing but the
 * file itself is needed to list the trash.
 */
export const trashFileName = (id: string, trashedAt: string): string => `${id}@${Date.parse(trashedAt)}.json`

export function parseTrashFileName(name: string): { id: string; trashedAt: string } | null {
  const match = /^([a-z0-9][a-z0-9-]{7,63})@(\d{1,15})\.json$/.exec(name)
  if (!match) return null
  return { id: match[1]!, trashedAt: new Date(Number(match[2])).toISOString() }
}

export function parseArticleFileName(name: string): string | null {
  return /^([a-z0-9][a-z0-9-]{7,63})\.json$/.exec(name)?.[1] ?? null
}

/** The temp names of writeFileAtomic (json-file.ts) and of write-file-atomic before it: `<file>.<number>`; one left behind is an interrupted, unacknowledged write. */
export const isInterruptedWrite = (name: string): boolean => /\.json\.\d+$/.test(name)
