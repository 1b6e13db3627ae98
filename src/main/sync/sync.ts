import { UserError } from '../../shared/ipc/result'
import { reasonOf } from '../library/article-files'
import type { Library } from '../library/library'
import { commitAndMoveBranch, moveBranch, finishMove, noteInIndex, writeMovedFiles } from './apply-move'
import { changedPaths, commitBeforeMerge, commitLocalChanges, type ChangeList, type SyncAuthor } from './commit-local'
import { clearGitLeftovers } from './git-leftovers'
import { branchTips, closeRepo, commitOf, currentBranch, ensureExcludes, findLibraryRepo, mergeBase, type LibraryRepo } from './library-repo'
import { mergeCommit, type Merges } from './merge-commit'
import { packHistoryLater, type PACKING_LIMITS } from './pack-history'
import { fetchRemote, pushBranch, readyRemoteAccess, type PushOutcome } from './remote'
import { aheadBehind, notShared, statusOf, type SyncStatus } from './sync-status'
import { withSyncLock } from './sync-lock'
import { clearMarker, readMarker, readSyncState, updateSyncState, withConflicts } from './sync-state'

export interface SyncOptions extends Merges {
  author: SyncAuthor
  /** How many times to fetch, merge and push again when the remote moved meanwhile. */
  attempts?: number
  /** Called between steps, for progress (and for tests that stop a sync at a given step). */
  onStep?: (step: SyncStep) => void
  /** When the repository's history is packed, once the sync has answered (git's own gc limits unless a test asks otherwise). */
  packingLimits?: typeof PACKING_LIMITS
}

const unique = (notices: string[]): string[] => [...new Set(notices)]

export type SyncStep = 'committed' | 'fetched' | 'branch-moved' | 'merged' | 'pushed' | 'packing'

/**
 * Finishes what a killed sync left: git's lock files, and a merge whose
 * branch moved before all its files were written. Call holding the sync lock.
 */
async function recover(repo: LibraryRepo, library: Library): Promise<string[]> {
  await clearGitLeftovers(repo)
  const marker = await readMarker(repo)
  if (!marker) return []
  const head = await commitOf(repo, 'HEAD')
  if (head !== marker.to) {
    // Killed before the branch moved: the merge is simply done again.
    await clearMarker(repo)
    return []
  }
  const moved = await library.applyFileChanges(() => writeMovedFiles(repo, marker), ({ paths }) => paths)
  await updateSyncState(repo, (state) => withConflicts(state, marker.conflicts))
  await finishMove(repo)
  return unique([...marker.notices, ...moved.notices])
}

/**
 * Brings the remote's commit `theirs` into this library, given `base`, the
 * common ancestor with HEAD as it was (`head`): a fast-forward, or a merge
 * commit Copydesk builds. Holds the library's write lock throughout, so no
 * save lands between committing local work and writing the merged files.
 */
async function integrate(
  repo: LibraryRepo,
  library: Library,
  sides: { branch: string; head: string | null; base: Promise<string | null>; theirs: string },
  options: SyncOptions,
  onMergeCommitted: () => void,
  listing: ChangesListed
): Promise<{ head: string | null; notices: string[] }> {
  const landed = await library.applyFileChanges(
    async () => {
      const listed = await listing.take(library.writesSeenByTask())
      // git finds the common ancestor while local work is committed: a commit on top of `head` leaves it where it was.
      const [local, base] = await Promise.all([commitBeforeMerge(repo, sides.branch, sides.head, options.author, listed), sides.base.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))])
      // The local commit's fast-import stays for the merge commit; every other way out ends it (the branch already holds the local commit).
      let importer = local.importer
      try {
        if (base instanceof Error) throw base
        options.onStep?.('committed')
        const ours = local.commit ?? sides.head
        // The remote's commit is already in this library's history: nothing to bring in.
        if (base === sides.theirs) {
          await noteInIndex(repo, local.stale)
          return { head: ours, paths: [], notices: [] }
        }
        const moved = () => options.onStep?.('branch-moved')
        if (ours && ours !== base) {
          const plan = await mergeCommit(repo, { base, ours, theirs: sides.theirs }, options, options.author)
          const committed = (): void => {
            moved()
            onMergeCommitted()
          }
          const using = importer
          importer = undefined
          const merged = await commitAndMoveBranch(repo, sides.branch, plan.commit, { from: ours, conflicts: plan.conflicts, notices: plan.notices }, committed, plan.paths, local.stale, using)
          if (plan.conflicts.length) await updateSyncState(repo, (state) => withConflicts(state, plan.conflicts))
          await finishMove(repo)
          // A rename this merge made is also seen arriving in the files it wrote: one notice.
          return { head: merged.to, paths: merged.paths, notices: unique([...plan.notices, ...merged.notices]) }
        }
        await importer?.finish()
        importer = undefined
        const forward = await moveBranch(repo, { from: ours ?? '0'.repeat(40), to: sides.theirs, conflicts: [], notices: [] }, moved, undefined, local.stale)
        await finishMove(repo)
        return { head: sides.theirs, paths: forward.paths, notices: forward.notices }
      } finally {
        // Still open on a failure (which is what the caller hears) or with nothing to merge: the branch holds the local commit either way.
        await importer?.finish().catch(() => undefined)
      }
    },
    // Only the files the move wrote changed: the index and search follow those, not all 10,000.
    ({ paths }) => paths
  )
  return { head: landed.head, notices: landed.notices }
}

/** A `git status` listing started early, and the library's write count when it started. */
interface ChangesListed {
  /** The listing, if the count is still `writesSeen` (no save landed since it started); waits for it either way. */
  take(writesSeen: number | null): Promise<ChangeList | undefined>
}

/**
 * Lists the library's changes (`git status`, 10,000 stats) while the fetch
 * runs, instead of after it. Only usable if no write through the library
 * began or ended since: one under way now makes the listing unusable, and
 * the commit then lists again. A file changed behind the library's back is
 * no worse off than before: a change made after any listing waits for the
 * next sync.
 */
function listChangesEarly(repo: LibraryRepo, library: Library): { start: () => void; listed: ChangesListed } {
  const mark = library.writesSeen()
  let listing: Promise<ChangeList | null> = Promise.resolve(null)
  return {
    start: () => {
      if (mark !== null) listing = changedPaths(repo).catch(() => null)
    },
    listed: {
      take: async (writesSeen) => {
        const listed = await listing
        return listed && mark !== null && writesSeen === mark ? listed : undefined
      }
    }
  }
}

async function syncLocked(repo: LibraryRepo, library: Library, options: SyncOptions): Promise<SyncStatus> {
  const notices = await recover(repo, library)
  await ensureExcludes(repo)
  const branch = await currentBranch(repo)
  let early: ReturnType<typeof listChangesEarly> | undefined
  const commitHere = async (): Promise<boolean> => {
    const committed = await commitLocalChanges(repo, options.author, await early?.listed.take(library.writesSeen()))
    options.onStep?.('committed')
    return committed
  }
  const fail = async (reason: string): Promise<SyncStatus> => {
    const state = await updateSyncState(repo, (s) => ({ ...s, lastError: reason }))
    return statusOf(state, await aheadBehind(repo, branch), notices)
  }
  const url = repo.remoteUrl
  if (!url) {
    await commitHere()
    return fail('this library has no remote yet; add one with “copydesk sync init --remote <address>”')
  }
  for (let attempt = 0; attempt < (options.attempts ?? 4); attempt++) {
    // Every step after the fetch reads through the object reader: its process starts while git fetches (once the fetch has started, not delaying it).
    early = listChangesEarly(repo, library)
    const listing = early
    const fetchProblem = await fetchRemote(repo, url, () => {
      repo.objects.warm()
      listing.start()
    })
    if (fetchProblem) {
      await commitHere()
      return fail(fetchProblem)
    }
    options.onStep?.('fetched')
    const { head, theirs } = await branchTips(repo, branch)
    let now: string | null
    let pushing: Promise<PushOutcome> | undefined
    // Committing local work adds to HEAD, which keeps the remote's commit among its ancestors if it already was.
    if (theirs && head !== theirs) {
      const base = head ? mergeBase(repo, head, theirs) : Promise.resolve(null)
      // The merge commit is final once the branch holds it: it is pushed while its files are written and the library follows them.
      const pushMerge = (): void => {
        pushing = pushBranch(repo, url, branch)
        pushing.catch(() => undefined)
      }
      const landed = await integrate(repo, library, { branch, head, base, theirs }, options, pushMerge, listing.listed)
      notices.push(...landed.notices)
      now = landed.head
    } else {
      now = (await commitHere()) ? await commitOf(repo, 'HEAD') : head
    }
    options.onStep?.('merged')
    if (now === null) break
    if (now !== theirs) {
      const push = await (pushing ?? pushBranch(repo, url, branch))
      if (!push.pushed) {
        if (push.moved) continue
        return fail(push.reason)
      }
      options.onStep?.('pushed')
    }
    const state = await updateSyncState(repo, (s) => ({ ...s, lastError: null, lastSyncAt: new Date().toISOString() }))
    // Pushed, or already equal: nothing to share or receive as of this moment.
    return statusOf(state, { ahead: 0, behind: 0 }, notices)
  }
  return fail('the remote kept changing while this library synced; try again in a moment')
}

/**
 * Shares the library through git: commits local changes, fetches, merges
 * with Copydesk's own merge, pushes, and again if the remote moved
 * meanwhile. Never throws for what a user meets (an unreachable remote, a
 * refused push, another sync running): it answers with a status whose
 * `lastError` says why in plain words, local work committed either way.
 */
export async function syncLibrary(library: Library, options: SyncOptions): Promise<SyncStatus> {
  // Read while the repository is looked up: the fetch needs it.
  readyRemoteAccess()
  const repo = await findLibraryRepo(library.dir)
  if (!repo) return notShared(library.dir)
  try {
    return await withSyncLock(repo, () => syncLocked(repo, library, options))
  } catch (error) {
    const reason = error instanceof UserError && error.code === 'conflict' ? 'another sync of this library is running' : reasonOf(error)
    const state = await updateSyncState(repo, (s) => ({ ...s, lastError: reason })).catch(() => null)
    const branch = await currentBranch(repo).catch(() => null)
    const counts = branch ? await aheadBehind(repo, branch).catch(() => ({ ahead: 0, behind: 0 })) : { ahead: 0, behind: 0 }
    return statusOf(state ?? { lastSyncAt: null, lastError: reason, conflicts: [] }, counts, [])
  } finally {
    // After the answer, and whatever it was: work committed offline leaves packs too.
    packHistoryLater(repo, options.packingLimits, () => options.onStep?.('packing'))
    await closeRepo(repo)
  }
}

/** The status as of the last sync, without reaching the remote. */
export async function syncStatus(library: Library): Promise<SyncStatus> {
  const repo = await findLibraryRepo(library.dir)
  if (!repo) return notShared(library.dir)
  try {
    const state = await readSyncState(repo)
    return statusOf(state, await aheadBehind(repo, await currentBranch(repo)), [])
  } finally {
    await closeRepo(repo)
  }
}
