import type { Article } from '../../shared/article/article'
import { gitOrFail } from '../git/safe-git'
import { resolveSlugClashes } from '../merge'
import { articleOf, jsonText, readMerged, type MergedTree } from './merged-tree'
import type { LibraryRepo } from './library-repo'
import { articlePath, pathKind } from './repo-layout'

/**
 * Gives articles that came out of the merge with the same slug distinct
 * ones, as a local duplicate gets (resolveSlugClashes): the renames go into
 * the merge commit itself, so every clone that receives it agrees.
 *
 * Only articles either side changed can clash: each side's own library kept
 * its slugs distinct, so an article neither touched never shares its slug
 * with another. The rest of the library is read only when a clash is found,
 * to pick a variant no article uses.
 */
export async function resolveMergedSlugs(repo: LibraryRepo, tree: MergedTree, changedPaths: Iterable<string>, notices: string[]): Promise<void> {
  const changed = new Set([...changedPaths].filter((path) => pathKind(path).kind === 'article'))
  const texts = await readMerged(repo, tree, [...changed])
  // The slugs alone first: checking each whole article costs far more, and only a clash needs it.
  const slugs = [...texts.values()].flatMap((text) => slugOf(text) ?? [])
  if (new Set(slugs).size === slugs.length) return

  const merged = [...texts].flatMap(([path, text]) => {
    const article = articleOf(text)
    return article ? [{ path, article }] : []
  })
  const listed = (await gitOrFail(repo, ['ls-tree', '-z', '--name-only', tree.ours, '--', 'articles/'], 'list the articles')).split('\0')
  const unchanged = listed.filter((path) => path && pathKind(path).kind === 'article' && !changed.has(path))
  const rest = [...(await readMerged(repo, tree, unchanged)).values()].flatMap((text) => articleOf(text) ?? [])
  const pathOf = new Map(merged.map(({ path, article }) => [article.id, path]))
  const all: Article[] = [...merged.map(({ article }) => article), ...rest]
  for (const renamed of resolveSlugClashes(all, notices)) tree.blobs.set(pathOf.get(renamed.id) ?? articlePath(renamed.id), jsonText(renamed))
}

function slugOf(text: string | undefined): string | undefined {
  try {
    const slug = (JSON.parse(text ?? 'null') as { slug?: unknown } | null)?.slug
    return typeof slug === 'string' ? slug : undefined
  } catch {
    return undefined
  }
}
