import { open } from 'node:fs/promises'
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
 */
export async function readIndexedArticle(source: ArticleSource): Promise<Article> {
  try {
    const handle = await open(source.file, 'r')
    let trusted: string | null = null
    try {
      if (sameStamp(stampOf(await handle.stat()), source.stamp)) trusted = await handle.readFile('utf8')
    } finally {
      await handle.close()
    }
    return trusted === null ? await readArticleFile(source.file, source.id) : (JSON.parse(trusted) as Article)
  } catch (error) {
    throw unreadableArticle(error)
  }
}
