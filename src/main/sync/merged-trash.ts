import { gitOrFail } from '../git/safe-git'
import { parseTrashFileName } from '../library/layout'
import { revisionRecord } from '../library/revisions'
import { readBlobs, type LibraryRepo } from './library-repo'
import type { MergeArticle } from '../merge/types'
import { articleOf, jsonText, readMerged, type MergedTree } from './merged-tree'
import { articlePath } from './repo-layout'

const trashedAt = (path: string): number => Date.parse(parseTrashFileName(path.slice('trash/'.length))?.trashedAt ?? '') || 0

/**
 * An article both sides moved to the trash comes out of the merge as one
 * trash file, the same whichever clone merges: the latest trashing names it,
 * and its content is both sides' versions merged as a live article would be
 * (the losing words of a true conflict kept as a named revision). Returns
 * nothing; the decisions go into `tree`.
 */
export async function keepOneTrashFile(repo: LibraryRepo, tree: MergedTree, base: string, mergeArticle: MergeArticle): Promise<void> {
  const added = [...tree.edits].filter(([path, entry]) => entry && path.startsWith('trash/')).map(([path]) => path)
  if (added.length === 0) return
  const ours = (await gitOrFail(repo, ['ls-tree', '-z', '--name-only', tree.ours, '--', 'trash/'], 'list the trash')).split('\0')
  const byId = new Map<string, string[]>()
  for (const path of new Set([...ours.filter((path) => path && !tree.edits.has(path)), ...added])) {
    const id = parseTrashFileName(path.slice('trash/'.length))?.id
    if (id) byId.set(id, [...(byId.get(id) ?? []), path])
  }
  for (const [id, paths] of byId) {
    if (paths.length < 2) continue
    const [keeper, ...others] = paths.sort((a, b) => trashedAt(b) - trashedAt(a) || (a < b ? -1 : 1))
    const texts = await readMerged(repo, tree, [keeper!, ...others, articlePath(id)])
    // Kept live by the merge (an edit beat the deletion): the trash files are going anyway.
    if (texts.get(articlePath(id)) !== undefined) continue
    const baseText = (await readBlobs(repo, [`${base}:${articlePath(id)}`])).get(`${base}:${articlePath(id)}`)?.toString('utf8')
    const kept = articleOf(texts.get(keeper!))
    let merged = kept
    for (const path of others) {
      const other = articleOf(texts.get(path))
      if (texts.get(path) === texts.get(keeper!)) tree.edits.set(path, null)
      // A version that cannot be read stays where it is: nothing is lost, and the library sets it aside.
      if (!merged || !other || texts.get(path) === texts.get(keeper!)) continue
      tree.edits.set(path, null)
      const result = mergeArticle({ base: articleOf(baseText), ours: merged, theirs: other })
      merged = result.article ?? merged
      if (!result.conflict) continue
      const { info, file } = revisionRecord(result.conflict.other, 'snapshot', `Conflict: ${result.conflict.summary}`)
      tree.blobs.set(`revisions/${id}/${info.id}.json`, jsonText(file))
      // The flag names the revision, so restoring the article offers the side-by-side view.
      if (merged.syncConflict) merged = { ...merged, syncConflict: { ...merged.syncConflict, revisionId: info.id } }
    }
    if (merged && merged !== kept) tree.blobs.set(keeper!, jsonText(merged))
  }
}
