import type { Article } from '../../shared/article/article'
import type { Promo } from '../../shared/article/promo'
import type { FileChange, NewCommit } from '../git/fast-import'
import { gitOrFail } from '../git/safe-git'
import { checkArticle } from '../library/article-rules'
import { revisionRecord } from '../library/revisions'
import { EMPTY_TREE, readBlobs, treeChanges, type LibraryRepo, type TreeChange } from './library-repo'
import type { MergeArticle, MergePromos } from '../merge/types'
import { jsonText, type Entry } from './merged-tree'
import { resolveMergedSlugs } from './merged-slugs'
import { keepOneTrashFile } from './merged-trash'
import { pathKind } from './repo-layout'
import type { SyncAuthor } from './commit-local'
import type { OpenConflict } from './sync-state'

export interface Merges {
  mergeArticle: MergeArticle
  mergePromos: MergePromos
}

export interface PlannedMerge {
  /** The merge commit to write; `commitAndMoveBranch` writes it and moves the branch in one step. */
  commit: Omit<NewCommit, 'ref'>
  /** Every path the merge commit may hold differently from `ours`. */
  paths: string[]
  conflicts: OpenConflict[]
  notices: string[]
}

const same = (a: Entry, b: Entry): boolean => (a === null ? b === null : b !== null && a.mode === b.mode && a.sha === b.sha)

/**
 * Plans the merge commit of `ours` and `theirs` without touching the work
 * tree: a file changed on one side only is taken from that side; an article
 * or the promos changed on both go through Copydesk's merge, never git's line
 * merge; the losing words of a true conflict are stored in the same commit as
 * a named revision. Nothing is written: a sync killed here leaves the
 * repository as it was.
 */
export async function mergeCommit(repo: LibraryRepo, commits: { base: string | null; ours: string; theirs: string }, merges: Merges, author: SyncAuthor): Promise<PlannedMerge> {
  const { ours, theirs } = commits
  const base = commits.base ?? EMPTY_TREE
  const [ourChanges = [], theirChanges = []] = await treeChanges(repo, [
    { from: base, to: ours },
    { from: base, to: theirs }
  ])
  const ourEntries = new Map(ourChanges.map((change) => [change.path, change.to]))
  const edits = new Map<string, Entry>()
  const both: TreeChange[] = []
  for (const change of theirChanges) {
    if (!ourEntries.has(change.path)) edits.set(change.path, change.to)
    else if (!same(ourEntries.get(change.path)!, change.to)) both.push(change)
  }

  const notices: string[] = []
  const conflicts: OpenConflict[] = []
  const blobs = new Map<string, string>()
  const sides = await readBlobs(repo, both.flatMap(({ path }) => [base, ours, theirs].map((rev) => `${rev}:${path}`)))
  const read = (rev: string, path: string): string | undefined => sides.get(`${rev}:${path}`)?.toString('utf8')
  const liveIds: string[] = []

  for (const { path, to } of both) {
    const kind = pathKind(path)
    if (kind.kind === 'article') {
      const parse = (rev: string, side: string): Article | undefined => {
        const text = read(rev, path)
        if (text === undefined) return undefined
        try {
          return checkArticle(JSON.parse(text))
        } catch {
          notices.push(`${side} version of “${path}” could not be read, so the other was kept.`)
          return undefined
        }
      }
      const result = merges.mergeArticle({ base: parse(base, 'The common'), ours: parse(ours, 'This library’s'), theirs: parse(theirs, 'The remote’s') })
      notices.push(...result.notices)
      if (!result.article) {
        edits.set(path, null)
        continue
      }
      let merged = result.article
      liveIds.push(kind.id)
      if (result.conflict) {
        const name = `Conflict: ${result.conflict.summary}`
        const { info, file } = revisionRecord(result.conflict.other, 'snapshot', name)
        blobs.set(`revisions/${kind.id}/${info.id}.json`, jsonText(file))
        conflicts.push({ articleId: kind.id, title: merged.title, revisionId: info.id, summary: result.conflict.summary, at: info.createdAt })
        // The flag names the revision, so the side-by-side view on any clone finds the other version.
        if (merged.syncConflict) merged = { ...merged, syncConflict: { ...merged.syncConflict, revisionId: info.id } }
      }
      blobs.set(path, jsonText(merged))
    } else if (kind.kind === 'promos') {
      const parse = (rev: string): Promo[] | undefined => {
        const text = read(rev, path)
        try {
          return text === undefined ? undefined : (JSON.parse(text) as { promos: Promo[] }).promos
        } catch {
          return undefined
        }
      }
      const result = merges.mergePromos({ base: parse(base), ours: parse(ours), theirs: parse(theirs) })
      notices.push(...result.notices)
      blobs.set(path, jsonText({ formatVersion: 1, promos: result.promos }))
    } else if (kind.kind === 'add-only') {
      // Names here are unique, so "both changed" means one removed what the other kept or changed: keep it.
      if (ourEntries.get(path) === null && to !== null) edits.set(path, to)
    } else {
      notices.push(`“${path}” was changed both here and on the remote; this library’s version was kept.`)
    }
  }

  // An article the merge keeps live leaves the trash, whichever side trashed it.
  if (liveIds.length) {
    const trashed = (await gitOrFail(repo, ['ls-tree', '-r', '-z', '--name-only', ours, '--', 'trash'], 'list the trash')).split('\0')
    const candidates = [...trashed, ...[...edits].filter(([, entry]) => entry).map(([path]) => path)]
    for (const id of liveIds) for (const path of candidates) if (path.startsWith(`trash/${id}@`)) edits.set(path, null)
  }

  const tree = { ours, edits, blobs }
  await keepOneTrashFile(repo, tree, base, merges.mergeArticle)
  await resolveMergedSlugs(repo, tree, [...ourChanges, ...theirChanges].map(({ path }) => path), notices)
  const changes = new Map<string, FileChange>([...edits, ...[...blobs].map(([path, text]): [string, FileChange] => [path, { text }])])
  const message = `Sync: merge the remote's changes${conflicts.length ? ` (${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} kept as revisions)` : ''}`
  return { commit: { parents: [ours, theirs], changes, author, message }, paths: [...changes.keys()], conflicts, notices }
}
