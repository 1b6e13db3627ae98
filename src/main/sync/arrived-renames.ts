import { slugTakenNotice } from '../merge'
import { pathKind } from './repo-layout'

interface Addressed {
  title: string
  slug: string
}

/** An article file's title and slug, read without checking the rest: a notice needs no more. */
function addressed(bytes: Buffer | null | undefined): Addressed | undefined {
  if (!bytes) return undefined
  try {
    const { title, slug } = JSON.parse(bytes.toString('utf8')) as { title?: unknown; slug?: unknown }
    return typeof slug === 'string' ? { title: typeof title === 'string' ? title : '', slug } : undefined
  } catch {
    return undefined
  }
}

/**
 * Notices for articles this library had that arrive under a new address
 * because another article now holds their old one: a merge on another clone
 * gave two articles one slug and renamed the newer, and this library learns
 * of it in the words that clone's user read. The other article changed in
 * the same move (each library keeps its own slugs distinct), so the files
 * the move wrote are all it takes.
 */
export function arrivedRenames(paths: readonly string[], before: (path: string) => Buffer | null | undefined, after: (path: string) => Buffer | null | undefined): string[] {
  const arrived = new Map(paths.flatMap((path) => {
    const article = pathKind(path).kind === 'article' ? addressed(after(path)) : undefined
    return article ? [[path, article] as const] : []
  }))
  const holders = new Map([...arrived.values()].map((article) => [article.slug, article]))
  return [...arrived].flatMap(([path, now]) => {
    const was = addressed(before(path))
    const owner = was && was.slug !== now.slug ? holders.get(was.slug) : undefined
    return owner ? [slugTakenNotice(now, owner)] : []
  })
}
