import type { Article } from '../../shared/article/article'
import { checkArticle } from '../library/article-rules'
import { readBlobs, type LibraryRepo } from './library-repo'

export type Entry = { mode: string; sha: string } | null

/**
 * A merge commit while it is being built: the tree of `ours`, changed by
 * `edits` (a path to the remote's blob, or null to remove it) and by `blobs`
 * (a path to text Copydesk wrote, which wins over an edit).
 */
export interface MergedTree {
  ours: string
  edits: Map<string, Entry>
  blobs: Map<string, string>
}

export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** An article file's text as the library would accept it, or undefined. */
export function articleOf(text: string | undefined): Article | undefined {
  if (text === undefined) return undefined
  try {
    return checkArticle(JSON.parse(text))
  } catch {
    return undefined
  }
}

/** What `paths` will hold in the merged tree, in one git call; a path the merge removes maps to undefined. */
export async function readMerged(repo: LibraryRepo, tree: MergedTree, paths: readonly string[]): Promise<Map<string, string | undefined>> {
  const found = new Map<string, string | undefined>()
  const specs = new Map<string, string>()
  for (const path of paths) {
    if (tree.blobs.has(path)) found.set(path, tree.blobs.get(path))
    else if (!tree.edits.has(path)) specs.set(path, `${tree.ours}:${path}`)
    else {
      const entry = tree.edits.get(path)
      if (entry) specs.set(path, entry.sha)
      else found.set(path, undefined)
    }
  }
  const read = await readBlobs(repo, [...specs.values()])
  for (const [path, spec] of specs) found.set(path, read.get(spec)?.toString('utf8'))
  return found
}
