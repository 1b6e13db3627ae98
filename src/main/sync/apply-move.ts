import { mkdir, readFile, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { FastImport, writeCommitWith, type NewCommit } from '../git/fast-import'
import { gitOrFail, nulList } from '../git/safe-git'
import { writeFileAtomic } from '../library/json-file'
import { refuseLinkedFolders } from '../library/no-links'
import { arrivedRenames } from './arrived-renames'
import { EMPTY_TREE, readBlobs, treeChanges, type LibraryRepo } from './library-repo'
import { clearMarker, writeMarker, type MergeMarker } from './sync-state'

const readIfThere = (file: string): Promise<Buffer | null> =>
  readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
const equal = (a: Buffer | null | undefined, b: Buffer | null | undefined): boolean => (a ?? null) === (b ?? null) || (!!a && !!b && a.equals(b))

/** What moving the branch wrote: the paths (relative to the library) it looked at, and notices for the user. */
export interface MovedFiles {
  notices: string[]
  paths: string[]
}

/**
 * Moves the branch from `marker.from` to `marker.to` (a merge or the remote's
 * own commit). The marker is written first and the branch moved with a
 * compare-and-swap, so a sync killed at any point either left the branch
 * where it was, or left the marker that makes the next sync finish writing
 * the files. Call holding the library's write lock. `paths`, when the caller
 * knows them (a merge it built), are all that can differ, and spare a diff.
 */
export async function moveBranch(repo: LibraryRepo, marker: MergeMarker, onMoved?: () => void, paths?: readonly string[], stale: readonly string[] = []): Promise<MovedFiles> {
  await writeMarker(repo, marker)
  await gitOrFail(repo, ['update-ref', '-m', 'copydesk sync', 'HEAD', marker.to, marker.from], 'move the library to the merged version')
  onMoved?.()
  return writeMovedFiles(repo, marker, paths, stale)
}

/**
 * `moveBranch` to a merge commit not written yet, in one git process:
 * fast-import writes the commit, names it, waits while the marker is
 * written, then moves `branch` forward from `marker.from` (whose commit is
 * the merge's first parent), refusing if the branch moved meanwhile.
 * `importer`: a fast-import already running (the local commit's), which this ends.
 */
export async function commitAndMoveBranch(
  repo: LibraryRepo,
  branch: string,
  commit: Omit<NewCommit, 'ref'>,
  marker: Omit<MergeMarker, 'to'>,
  onMoved?: () => void,
  paths?: readonly string[],
  stale: readonly string[] = [],
  importer: FastImport = new FastImport(repo)
): Promise<MovedFiles & { to: string }> {
  let moving: MergeMarker | undefined
  await writeCommitWith(importer, { ...commit, ref: `refs/heads/${branch}` }, (to) => writeMarker(repo, (moving = { ...marker, to })))
  onMoved?.()
  return { to: moving!.to, ...(await writeMovedFiles(repo, moving!, paths, stale)) }
}

/**
 * Writes into the work tree every file that differs between `from` and `to`,
 * each atomically, then updates git's index for those paths only, and for
 * `stale` ones (committed without it: commitBeforeMerge). A file that differs from both versions was
 * changed here after the merge began (the app saving after a killed sync): it
 * is left as it is, to be committed by the next sync, and named in a notice.
 * Running it twice is harmless, so a resumed sync simply runs it again.
 */
export async function writeMovedFiles(repo: LibraryRepo, marker: MergeMarker, knownPaths?: readonly string[], stale: readonly string[] = []): Promise<MovedFiles> {
  // A branch that had no commit yet moves from nothing.
  const from = /^0+$/.test(marker.from) ? EMPTY_TREE : marker.from
  const to = marker.to
  const changed = knownPaths ?? (await treeChanges(repo, [{ from, to }]))[0]!.map(({ path }) => path)
  const blobs = await readBlobs(repo, changed.flatMap((path) => [`${from}:${path}`, `${to}:${path}`]))
  const notices: string[] = []
  const writeOne = async (path: string): Promise<void> => {
    const file = join(repo.dir, path)
    const [current, before, after] = [await readIfThere(file), blobs.get(`${from}:${path}`), blobs.get(`${to}:${path}`)]
    if (equal(current, after)) return
    if (!equal(current, before)) {
      notices.push(`“${path}” was changed here while the sync was merging, so it was left as it is; the next sync shares it.`)
      return
    }
    await refuseLinkedFolders(repo.dir, file)
    if (after) {
      await mkdir(dirname(file), { recursive: true })
      await writeFileAtomic(file, after)
    } else {
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
    }
  }
  const touched = [...changed]
  // Each write is fsynced; several at once let the file system flush them together.
  for (let i = 0; i < touched.length; i += 16) await Promise.all(touched.slice(i, i + 16).map(writeOne))
  await noteInIndex(repo, [...new Set([...touched, ...stale])])
  notices.push(...arrivedRenames(touched, (path) => blobs.get(`${from}:${path}`), (path) => blobs.get(`${to}:${path}`)))
  return { notices, paths: touched }
}

/** Git's index takes these paths as their files are now (added, changed or removed), in one process; the other 10,000 keep their cached stat. */
export async function noteInIndex(repo: LibraryRepo, paths: readonly string[]): Promise<void> {
  if (paths.length) await gitOrFail(repo, ['update-index', '-z', '--add', '--remove', '--stdin'], 'note the merged files', { stdin: nulList([...paths]) })
}

export const finishMove = clearMarker
