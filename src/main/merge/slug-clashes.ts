import type { Article } from '../../shared/article/article'
import { uniqueSlug } from '../../shared/article/slug'

const oldestFirst = (a: Article, b: Article): number => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Different articles that came out of a merge with the same slug, resolved
 * the way a local duplicate is (`-2`, `-3`…, src/shared/article/slug.ts): the
 * oldest article keeps the slug (by creation time, then id, so every clone
 * decides alike) and each other one gets the first free variant. Returns only
 * the renamed articles, to be written; a notice per rename goes to `notices`.
 */
export function resolveSlugClashes(articles: readonly Article[], notices: string[]): Article[] {
  const taken = new Set(articles.map((article) => article.slug))
  const keeper = new Map<string, Article>()
  const renamed: Article[] = []
  for (const article of [...articles].sort(oldestFirst)) {
    const owner = keeper.get(article.slug)
    if (!owner) {
      keeper.set(article.slug, article)
      continue
    }
    const slug = uniqueSlug(article.slug, (candidate) => taken.has(candidate))
    taken.add(slug)
    renamed.push({ ...article, slug })
    notices.push(slugTakenNotice({ title: article.title, slug }, { title: owner.title, slug: article.slug }))
  }
  return renamed
}

/** What the user of every clone is told of a rename, in the same words wherever the merge ran. */
export const slugTakenNotice = (renamed: { title: string; slug: string }, owner: { title: string; slug: string }): string =>
  `“${renamed.title || 'Untitled'}” now has the address “${renamed.slug}”: “${owner.title || 'Untitled'}” already used “${owner.slug}”.`
