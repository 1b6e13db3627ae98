import type { Stats } from 'node:fs'
import type { Article } from '../../shared/article/article'
import { bodyText, walkBody } from '../../shared/article/body'
import { editedSinceApproval } from '../../shared/review/approval'
import type { ArticleSummary, SavedArticle, TrashedArticle } from '../../shared/library-api'
import { excerptAround } from './search-index'
import { storedBodyStats } from './stored-body-stats'

/** Identifies one version of a file cheaply, so opening can tell which files changed without reading them. */
export interface FileStamp {
  mtimeMs: number
  size: number
}
export const stampOf = (stats: Stats): FileStamp => ({ mtimeMs: stats.mtimeMs, size: stats.size })
export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size

/** What the index keeps per article: the list row, the promos it places, and the stamp of the file it came from. */
export interface IndexEntry extends ArticleSummary {
  promoIds: string[]
  stamp: FileStamp
}
export interface TrashEntry extends IndexEntry {
  trashedAt: string
}

export function promoIdsOf(article: Article): string[] {
  const ids = new Set<string>()
  walkBody(article.body, (node) => {
    const id = node.attrs?.['promoId']
    if (node.type === 'promoSlot' && typeof id === 'string') ids.add(id)
  })
  return [...ids]
}

/** About two lines of a sidebar row. */
const LEAD_LENGTH = 140

/** The article's row in the library list; the index keeps it, and a save answers with it. */
export function articleSummary(article: Article): ArticleSummary {
  const { id, slug, title, status, authors, tags, category, publishDate, createdAt, updatedAt } = article
  const lead = excerptAround(article.dek.trim() || bodyText(article.body, LEAD_LENGTH + 1), [], LEAD_LENGTH)
  return {
    ...{ id, slug, title, status, authors, tags, category, publishDate, createdAt, updatedAt },
    ...storedBodyStats(article.body),
    ...(lead ? { lead } : {}),
    ...(editedSinceApproval(article) ? { editedSinceApproval: true } : {})
  }
}

/** An article the renderer has open, answered with its list row once the library changed it. */
export const savedArticle = (article: Article): SavedArticle => ({ article, summary: articleSummary(article) })

export function indexEntry(article: Article, stamp: FileStamp): IndexEntry {
  return { ...articleSummary(article), promoIds: promoIdsOf(article), stamp }
}

export function toSummary(entry: IndexEntry): ArticleSummary {
  const { promoIds: _promoIds, stamp: _stamp, ...summary } = entry
  return summary
}

export const toTrashed = (entry: TrashEntry): TrashedArticle => ({ ...toSummary(entry), trashedAt: entry.trashedAt })
