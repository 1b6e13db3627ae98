import { INDEX_FILE, JOURNAL_FILE, LOCK_DIR, parseArticleFileName, PROMOS_FILE, SEARCH_FILE } from '../library/layout'

/**
 * What a shared library never commits: the caches every clone rebuilds from
 * the files (index snapshot, journal, search index, render cache), the lock,
 * damaged/, this machine's export preferences, and the temp files of
 * interrupted atomic writes (`<file>.<10–12 digits>`, json-file.ts).
 */
export const ignoredPatterns = [
  `/${INDEX_FILE}`,
  `/${INDEX_FILE}.*`,
  `/${JOURNAL_FILE}`,
  `/${JOURNAL_FILE}.*`,
  `/${SEARCH_FILE}`,
  `/${SEARCH_FILE}.*`,
  `/${LOCK_DIR}`,
  `/${LOCK_DIR}.*`,
  '/damaged/',
  '/site-export-cache/',
  '/site-export.json',
  '*.[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]',
  '*.[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]',
  '*.[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
]

export const gitignoreText = `# Copydesk: caches rebuilt from the files by every copy of the library, never shared.\n${ignoredPatterns.join('\n')}\n`

/** How a path changed on both sides is merged. */
export type PathKind = { kind: 'article'; id: string } | { kind: 'promos' } | { kind: 'add-only' } | { kind: 'other' }

/**
 * Articles and promos go through Copydesk's own merge. Revisions, media and
 * trashed files are never edited in place (their names are unique), so
 * changes to them only add or remove: a file one side removed and the other
 * kept stays. Anything else keeps this side's version.
 */
export function pathKind(path: string): PathKind {
  const article = /^articles\/([^/]+)$/.exec(path)
  const id = article ? parseArticleFileName(article[1]!) : null
  if (id) return { kind: 'article', id }
  if (path === PROMOS_FILE) return { kind: 'promos' }
  if (/^(revisions|media|trash)\//.test(path)) return { kind: 'add-only' }
  return { kind: 'other' }
}

export const articlePath = (id: string): string => `articles/${id}.json`
