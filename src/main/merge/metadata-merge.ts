import type { Article, ArticleMeta } from '../../shared/article/article'
import type { ConflictLog } from './conflicts'
import { later, mergeSet, mergeValue } from './field-merge'

const scalarFields = [
  ['title', 'the title'],
  ['slug', 'the slug'],
  ['slugLocked', 'the slug'],
  ['dek', 'the dek'],
  ['status', 'the status'],
  ['category', 'the category'],
  ['description', 'the description'],
  ['featuredImage', 'the featured image'],
  ['publishDate', 'the publish date']
] as const satisfies readonly (readonly [keyof ArticleMeta, string])[]

/** The article's limits on each set (src/shared/article/article.ts): a union past them is a conflict. */
const setFields = [
  ['authors', 'the authors', 20],
  ['tags', 'the tags', 50],
  ['related', 'the related articles', 20]
] as const satisfies readonly (readonly [keyof ArticleMeta, string, number])[]

/** Metadata field by field; the id, format and creation time are ours (they never change). */
export function mergeMetadata(base: Article, ours: Article, theirs: Article, conflicts: ConflictLog): ArticleMeta {
  const meta: ArticleMeta = {
    formatVersion: ours.formatVersion,
    id: ours.id,
    slug: ours.slug,
    slugLocked: ours.slugLocked,
    title: ours.title,
    dek: ours.dek,
    authors: ours.authors,
    status: ours.status,
    tags: ours.tags,
    category: ours.category,
    description: ours.description,
    featuredImage: ours.featuredImage,
    publishDate: ours.publishDate,
    createdAt: ours.createdAt,
    updatedAt: later(ours.updatedAt, theirs.updatedAt),
    related: ours.related
  }
  const clashed = new Set<string>()
  for (const [field, label] of scalarFields) {
    const { value, clash } = mergeValue(base[field], ours[field], theirs[field])
    ;(meta as Record<typeof field, unknown>)[field] = value
    if (clash && !clashed.has(label)) {
      clashed.add(label)
      conflicts.add(label, field === 'slugLocked' ? 'slug' : field)
    }
  }
  for (const [field, label, max] of setFields) {
    const merged = mergeSet(base[field], ours[field], theirs[field])
    if (merged.length <= max) meta[field] = merged
    else conflicts.add(label, field)
  }
  return meta
}
