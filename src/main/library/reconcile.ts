import { lstatSync } from 'node:fs'
import { lstat, readdir, unlink } from 'node:fs/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { basename, join, sep } from 'node:path'
import { moveAside, readArticleFile, reasonOf } from './article-files'
import { isLink } from './no-links'
import type { IndexProblem, IndexStore, JournalOp } from './index-store'
import { isInterruptedWrite, JOURNAL_FILE, parseArticleFileName, parseTrashFileName, type LibraryPaths } from './layout'
import { indexEntry, sameStamp, stampOf, type FileStamp } from './summary'
import type { StampedFolder, StampedLibrary } from './folder-stamps'

/** An article file. Its full path is made when used, not kept: at 50,000 files the paths cost as much as the comparison. */
interface Found {
  dir: string
  name: string
  id: string
  trashedAt: string | null
}

/** A file whose stamp is not the one the index has for it (or that the index does not know), with its stamp. */
interface Differing {
  found: Found
  stamp: FileStamp
}

/** A folder's article files as reconcile needs them: the id of each, those that differ from the index, and how many the index knows. */
interface Listing {
  ids: string[]
  differing: Differing[]
  known: number
}

/** The stamp the index has for an article file, if any. */
type Known = (id: string, trashedAt: string | null) => FileStamp | undefined

type ParseName = (name: string) => { id: string; trashedAt: string | null } | null

const present = (file: string): Promise<boolean> =>
  lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false
      throw error
    }
  )

/** Of the changed paths (relative to the library), the folder's article files that are there, without listing the folder. */
async function changedInFolder(dir: string, folder: string, parse: ParseName, changed: ReadonlySet<string>): Promise<Found[]> {
  const found: Found[] = []
  for (const path of changed) {
    const name = path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : ''
    const parsed = name.includes('/') ? null : parse(name)
    if (parsed && (await present(join(dir, name)))) found.push({ dir, name, id: parsed.id, trashedAt: parsed.trashedAt })
  }
  return found
}

/** Removes what interrupted writes left among `names`: they were never acknowledged, and the old files are intact. */
async function removeInterrupted(dir: string, names: readonly string[]): Promise<void> {
  const leftovers = names.filter(isInterruptedWrite)
  // A folder that is a link is read, never cleaned: what it points to is not the library's.
  if (leftovers.length === 0 || (await isLink(dir))) return
  for (const name of leftovers) await unlink(join(dir, name)).catch(() => undefined)
}

/** The folder's article files, listed here. */
async function listFolder(dir: string, parse: ParseName): Promise<Found[]> {
  const found: Found[] = []
  const others: string[] = []
  for (const name of await readdir(dir)) {
    const parsed = parse(name)
    if (parsed) found.push({ dir, name, id: parsed.id, trashedAt: parsed.trashedAt })
    else others.push(name)
  }
  await removeInterrupted(dir, others)
  return found
}

// The folder's path is already absolute and normal: path.join would only normalize it again, 50,000 times.
const fileOf = (found: Found): string => `${found.dir}${sep}${found.name}`

const inBatches = async <T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = []
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return results
}

/** Stats between two turns of the event loop: a few milliseconds, so a lock's keep-alive and the app's windows are not held up. */
const STATS_PER_TURN = 1000

/**
 * Stamps the files here and compares them with the index: one stat per
 * file, synchronous in tight runs, since 10,000 stats cost a few milliseconds
 * and as many promises through libuv's thread pool cost far more than the
 * stats themselves.
 */
async function stampHere(files: readonly Found[], known: Known): Promise<Listing> {
  const differing: Differing[] = []
  let knownCount = 0
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % STATS_PER_TURN === 0) await nextTurn()
    const found = files[i]!
    const stats = lstatSync(fileOf(found))
    const stamp = known(found.id, found.trashedAt)
    if (stamp) knownCount++
    if (!stamp || !sameStamp(stamp, stats)) differing.push({ found, stamp: stampOf(stats) })
  }
  return { ids: files.map((found) => found.id), differing, known: knownCount }
}

/**
 * Compares the files the stamp thread listed and stamped with the index. No
 * object is made for a file whose stamp matches: at 50,000 files, making and
 * collecting them cost the main thread more than the comparison.
 */
async function stampedInThread(dir: string, folder: StampedFolder, live: boolean, known: Known): Promise<Listing> {
  await removeInterrupted(dir, folder.others)
  const { keys } = folder
  const ids: string[] = []
  const differing: Differing[] = []
  let knownCount = 0
  for (let i = 0; i < keys.length; i++) {
    const mtimeMs = folder.stamps[i * 2]!
    const size = folder.stamps[i * 2 + 1]!
    // Gone between the thread's listing and its stat: as if never listed.
    if (Number.isNaN(mtimeMs)) continue
    // The live folder's keys are ids (the thread parsed the names); the trash's are names.
    const key = keys[i]!
    const parsed = live ? null : parseTrashFileName(key)
    if (!live && !parsed) continue
    const id = parsed?.id ?? key
    const trashedAt = parsed?.trashedAt ?? null
    ids.push(id)
    const stamp = known(id, trashedAt)
    if (stamp) knownCount++
    if (!stamp || stamp.mtimeMs !== mtimeMs || stamp.size !== size) differing.push({ found: { dir, name: live ? `${key}.json` : key, id, trashedAt }, stamp: { mtimeMs, size } })
  }
  return { ids, differing, known: knownCount }
}

/**
 * Checks the index against the article and trash folders, which are the
 * truth. Files whose stamp matches their entry are trusted without being
 * read, so a healthy library of 10,000 articles costs one stat per file.
 * Everything else is re-read; an unreadable file is moved to damaged/ and
 * named in a notice. Returns the journal operations that bring the index in
 * line, and the notices for the user; a missing index is not news when
 * `missingExpected` (a fresh clone, whose caches are never committed).
 *
 * With `changed` (paths relative to the library, as git names them), only
 * those files are checked: after a sync wrote 20 files, the other 10,000
 * need no stat, and the folders are not listed. With `stamped`, the folders
 * as the stamp thread listed and stamped them (folder-stamps.ts).
 */
export async function reconcile(
  store: IndexStore,
  paths: LibraryPaths,
  problem: IndexProblem,
  { missingExpected = false, changed, stamped }: { missingExpected?: boolean; changed?: ReadonlySet<string>; stamped?: { finish: () => Promise<StampedLibrary> } | null } = {}
): Promise<{ ops: JournalOp[]; notices: string[] }> {
  const ops: JournalOp[] = []
  const notices: string[] = []
  const parseLive = (name: string): { id: string; trashedAt: null } | null => {
    const id = parseArticleFileName(name)
    return id ? { id, trashedAt: null } : null
  }
  const known: Known = (id, trashedAt) => {
    if (!trashedAt) return store.articles.get(id)?.stamp
    const entry = store.trash.get(id)
    return entry?.trashedAt === trashedAt ? entry.stamp : undefined
  }
  // A stamp thread that failed (a broken install, no memory for it) costs speed, not the opening: this thread lists
  // and stamps the folders itself, and a folder it cannot list fails the opening here as it always has.
  const folders = changed
    ? null
    : await stamped?.finish().catch((error: unknown) => {
        console.warn('[copydesk] the article files are checked on the main thread; the stamp thread failed:', reasonOf(error))
        return null
      })
  const listing = async (dir: string, folder: string, parse: ParseName, fromThread: StampedFolder | undefined): Promise<Listing> => {
    if (fromThread) return stampedInThread(dir, fromThread, folder === 'articles', known)
    return stampHere(changed ? await changedInFolder(dir, folder, parse, changed) : await listFolder(dir, parse), known)
  }
  const live = await listing(paths.articles, 'articles', parseLive, folders?.articles)
  const trashed = await listing(paths.trash, 'trash', parseTrashFileName, folders?.trash)
  const unreadable = new Set<string>()
  const reread = async ({ found, stamp }: Differing): Promise<void> => {
    try {
      const entry = indexEntry(await readArticleFile(fileOf(found), found.id), stamp)
      ops.push(found.trashedAt ? { put: 'trash', entry: { ...entry, trashedAt: found.trashedAt } } : { put: 'articles', entry })
    } catch (error) {
      unreadable.add(found.id)
      const where = found.trashedAt ? 'trash' : 'articles'
      const movedTo = await moveAside(fileOf(found), paths.damaged).catch((moveError: unknown) => {
        notices.push(`The article file “${where}/${found.name}” could not be read (${reasonOf(error)}), and was left where it is: ${reasonOf(moveError)}`)
        return null
      })
      if (movedTo) notices.push(`The article file “${where}/${found.name}” could not be read (${reasonOf(error)}), so it was moved to “${movedTo}”. Nothing else was changed.`)
    }
  }
  // Small batches leave room in libuv's thread pool for the lock's keep-alive touches.
  await inBatches([...live.differing, ...trashed.differing], 16, reread)

  // Listed ids are distinct, as file names are: when as many as the index's entries have one, every entry's file is
  // there (a healthy library), and only those found unreadable may go, without a set of 50,000 ids to look them up.
  const everyListed = !changed && live.known === store.articles.size
  const liveIds: { has: (id: string) => boolean } = everyListed ? { has: () => true } : new Set(live.ids)
  const trashIds = new Set(trashed.ids)
  // Only the entries whose files may have gone: all of them, those of the changed paths, or the unreadable.
  const liveScope = changed
    ? [...changed].flatMap((path) => (path.startsWith('articles/') ? (parseLive(path.slice('articles/'.length))?.id ?? []) : []))
    : everyListed
      ? [...unreadable]
      : store.articles.keys()
  const trashScope = changed ? [...store.trash.values()].filter((entry) => changed.has(`trash/${basename(paths.trashed(entry.id, entry.trashedAt))}`)).map((entry) => entry.id) : store.trash.keys()
  for (const id of liveScope) {
    const entry = store.articles.get(id)
    if (!entry || (liveIds.has(id) && !unreadable.has(id))) continue
    ops.push({ drop: 'articles', id })
    if (!trashIds.has(id) && !unreadable.has(id)) notices.push(`“${entry.title || 'Untitled'}” was listed but its file is gone, so it was taken off the list.`)
  }
  for (const id of trashScope) if (!trashIds.has(id) || unreadable.has(id)) ops.push({ drop: 'trash', id })

  const count = live.ids.length + trashed.ids.length
  const rebuilt = `rebuilt from ${count} article file${count === 1 ? '' : 's'}`
  if (problem?.kind === 'missing' && count > 0 && !missingExpected) notices.unshift(`The library index was missing, so it was ${rebuilt}.`)
  if (problem?.kind === 'damaged') {
    const movedTo = await moveAside(paths.index, paths.damaged).catch(() => null)
    const kept = movedTo ? ` The damaged copy was kept as “${movedTo}”.` : ''
    notices.unshift(`The library index was damaged, so it was ${rebuilt}.${kept}`)
  }
  if (problem?.kind === 'journal') {
    const movedTo = await moveAside(paths.journal, paths.damaged).catch(() => null)
    const kept = movedTo ? ` The damaged journal was kept as “${movedTo}”.` : ''
    const lines = problem.badLines === 1 ? 'a line that could not be read' : `${problem.badLines} lines that could not be read`
    notices.unshift(`The library index journal (${JOURNAL_FILE}) had ${lines}, so ${problem.badLines === 1 ? 'it was' : 'they were'} set aside and the index was ${rebuilt}.${kept}`)
  }
  return { ops, notices }
}
