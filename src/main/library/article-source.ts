import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import type { Article } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import { readArticleFile, reasonOf } from './article-files'
import { sameStamp, stampOf, type FileStamp } from './summary'

/** An indexed article's file and the stamp it had when the library last checked it. */
export interface ArticleSource {
  id: string
  file: string
  stamp: FileStamp
}

/** What a failed article read tells the user: the same words whether one article is opened or thousands exported. */
export function unreadableArticle(error: unknown): UserError {
  if (error instanceof UserError) return error
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new UserError('not-found', 'That article no longer exists; it may have been deleted elsewhere.')
  return new UserError('io-error', `The article file could not be read: ${reasonOf(error)}`)
}

/**
 * Reads an article for a bulk reader such as site export. The library checks
 * every article (schema, editor document, link safety) before it writes the
 * file, and every file it indexes without having written it; the index keeps
 * the stamp of the file it checked. A file that still has that stamp is that
 * file, so parsing it is enough, which makes reading 10,000 articles several
 * times cheaper. Any other file (edited by hand, replaced by a sync tool) gets
 * the full check and is refused as getArticle would refuse it. The stamp is
 * taken from the open file, so a file replaced while it is read is never
 * trusted in place of the one that was checked.
 *
 * The trusted read is synchronous on purpose: it runs beside rendering,
 * which holds the thread twenty times longer anyway, and the four thread-pool
 * round trips of the same calls made async cost eight times the read itself
 * (about 210 µs against 27 µs for a 12 KB article).
 */
export async function readIndexedArticle(source: ArticleSource): Promise<Article> {
  try {
    const trusted = readIfStamped(source)
    return trusted === null ? await readArticleFile(source.file, source.id) : (JSON.parse(trusted) as Article)
  } catch (error) {
    throw unreadableArticle(error)
  }
}

/** The file's text if it still has the stamp the library checked, else null. */
function readIfStamped({ file, stamp }: ArticleSource): string | null {
  const fd = openSync(file, 'r')
  try {
    return sameStamp(stampOf(fstatSync(fd)), stamp) ? readFileSync(fd, 'utf8') : null
  } finally {
    closeSync(fd)
  }
}
