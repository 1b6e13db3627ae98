import { fileSystemSentence } from '../ipc/plain-error'
import writeFileAtomic from 'write-file-atomic'
import type { Article } from '../../shared/article/article'
import { UserError } from '../../shared/ipc/result'
import type { BundleArticleOutcome, BundleImportReport } from '../../shared/review-api'
import type { Actor } from '../../shared/review/actor'
import { createBundle } from '../../shared/review/bundle/create-bundle'
import { mergeBundle, type BundleMerge } from '../../shared/review/bundle/merge-bundle'
import { parseBundle } from '../../shared/review/bundle/parse-bundle'
import { toProseMirror } from '../../shared/schema/to-prosemirror'
import { checkArticle } from './article-rules'
import type { Library } from './library'

export interface ReviewBundleFile {
  text: string
  articleCount: number
  /** What to call the file: after the article, or after how many articles it holds. */
  fileName: string
}

/** A review bundle of the articles named (by id or slug), signed by `actor`. */
export async function makeReviewBundle(library: Library, refs: readonly string[], actor: Actor): Promise<ReviewBundleFile> {
  const read = await Promise.all(refs.map((ref) => library.getArticle(ref)))
  // An article named twice (by id and by slug) goes in once.
  const articles = [...new Map(read.map((article) => [article.id, article])).values()]
  const text = createBundle(articles, actor)
  const fileName = articles.length === 1 ? `${articles[0]!.slug}-review.json` : `review-bundle-${articles.length}-articles.json`
  return { text, articleCount: articles.length, fileName }
}

export async function writeReviewBundle(file: string, bundle: ReviewBundleFile): Promise<void> {
  try {
    await writeFileAtomic(file, bundle.text, { fsync: true })
  } catch (error) {
    throw new UserError('io-error', `The review bundle could not be saved to “${file}”. ${fileSystemSentence(error) ?? 'Choose another place.'}`)
  }
}

/**
 * Brings a review bundle into the library. The whole file is checked before
 * anything is written. An article the library has gets the bundle's
 * comments, suggestions and decisions merged in, with what could not be
 * merged listed as conflicts and nothing here overwritten; one it does not
 * have is added under the same id, so the next bundle of it merges.
 */
export async function importReviewBundle(library: Library, text: string): Promise<BundleImportReport> {
  const bundle = parseBundle(text)
  for (const { article } of bundle.articles) checkArticle(article)
  const [live, trashed] = await Promise.all([library.listArticles(), library.listTrash()])
  const liveIds = new Set(live.map((hit) => hit.id))
  const trashedIds = new Set(trashed.map((entry) => entry.id))

  const articles: BundleArticleOutcome[] = []
  for (const entry of bundle.articles) {
    const { id, title } = entry.article
    if (trashedIds.has(id)) {
      articles.push({ id, title, outcome: 'skipped', reason: 'This article is in the trash here: restore it, then import the bundle again.' })
    } else if (!liveIds.has(id)) {
      await library.adoptArticle(entry.article)
      articles.push({ id, title, outcome: 'added' })
    } else {
      let merge: BundleMerge | undefined
      const merged = await library.reviseArticle(id, (local) => {
        merge = mergeBundle(local, entry)
        return asStored(local, merge.merged)
      })
      articles.push({ id, title: merged.title, outcome: 'merged', added: merge!.added, conflicts: merge!.conflicts })
    }
  }
  return { createdBy: bundle.createdBy, createdAt: bundle.createdAt, articles }
}

/**
 * The merge, with what it left as it was written as it is stored here, so
 * that a bundle with nothing new changes nothing (not even a revision).
 */
function asStored(local: Article, merged: Article): Article {
  const body = toProseMirror(local.body).eq(toProseMirror(merged.body)) ? local.body : merged.body
  const comments = local.comments || merged.comments?.length ? merged.comments : undefined
  return { ...merged, body, comments }
}
