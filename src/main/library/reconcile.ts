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
  /** The file's stamp when the stamp thread took it (folder-stamps.ts); otherwise reconcile stats the file itself. */
  stamp?: FileStamp
}

const present = (file: string): Promise<boolean> =>
  lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false
      throw error
    }
  )

/**
 * The folder's article files; with `changed`, only those of its changed paths
 * that are there, without listing the folder; with `stamped`, those the stamp
 * thread listed (and still found when it stamped them).
 */
async function listFolder(
  dir: string,
  folder: string,
  parse: (name: string) => { id: string; trashedAt: string | null } | null,
  { changed, stamped }: { changed?: ReadonlySet<string> | undefined; stamped?: StampedFolder | undefined }
): Promise<Found[]> {
  const found: Found[] = []
  if (changed) {
    for (const path of changed) {
      const name = path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : ''
      const parsed = name.includes('/') ? null : parse(name)
      if (parsed && (await present(join(dir, name)))) found.push({ dir, name, id: parsed.id, trashedAt: parsed.trashedAt })
    }
    return found
  }
  // A folder that is a link is read, never cleaned: what it points to is not the library's.
  const linked = await isLink(dir)
  const names = stamped?.names ?? (await readdir(dir))
  for (const [i, name] of names.entries()) {
    // Left by a write that was interrupted before its rename: it was never acknowledged, and the old file is intact.
    if (isInterruptedWrite(name) && !linked) await unlink(join(dir, name)).catch(() => undefined)
    const parsed = parse(name)
    if (!parsed) continue
    const entry: Found = { dir, name, id: parsed.id, trashedAt: parsed.trashedAt }
    if (stamped) {
      const [mtimeMs, size] = [stamped.stamps[i * 2]!, stamped.stamps[i * 2 + 1]!]
      // Gone between the thread's listing and its stat: as if never listed.
      if (Number.isNaN(mtimeMs)) continue
      entry.stamp = { mtimeMs, size }
    }
    found.push(entry)
  }
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

interface Differing {
  found: Found
  stamp: FileStamp
}

/**
 * The files whose stamp is not the one `known` has for them, with their
 * stamps: one stat per file the stamp thread did not stamp, synchronous in
 * tight runs, since 10,000 stats cost a few milliseconds and as many promises
 * through libuv's thread pool cost far more than the stats themselves.
 */
async function differingFiles(files: readonly Found[], known: (found: Found) => FileStamp | undefined): Promise<Differing[]> {
  const differing: Differing[] = []
  for (let i = 0; i < files.length; i++) {
    const found = files[i]!
    if (i > 0 && i % STATS_PER_TURN === 0 && !found.stamp) await nextTurn()
    const stamp = found.stamp ?? stampOf(lstatSync(fileOf(found)))
    const knownStamp = known(found)
    if (!knownStamp || !sameStamp(knownStamp, stamp)) differing.push({ found, stamp })
  }
  return differing
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
  { missingExpected = false, changed, stamped }: { missingExpected?: boolean; changed?: ReadonlySet<string>; stamped?: Promise<StampedLibrary> | null } = {}
): Promise<{ ops: JournalOp[]; notices: string[] }> {
  const ops: JournalOp[] = []
  const notices: string[] = []
  const parseLive = (name: string): { id: string; trashedAt: null } | null => {
    const id = parseArticleFileName(name)
    return id ? { id, trashedAt: null } : null
  }
  const folders = changed ? null : await stamped
  const live = await listFolder(paths.articles, 'articles', parseLive, { changed, stamped: folders?.articles })
  const trashed = await listFolder(paths.trash, 'trash', parseTrashFileName, { changed, stamped: folders?.trash })
  const unreadable = new Set<string>()
  const known = (found: Found): FileStamp | undefined => {
    if (!found.trashedAt) return store.articles.get(found.id)?.stamp
    const entry = store.trash.get(found.id)
    return entry?.trashedAt === found.trashedAt ? entry.stamp : undefined
  }
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
  await inBatches(await differingFiles([...live, ...trashed], known), 16, reread)

  const liveIds = new Set(live.map((f) => f.id))
  const trashIds = new Set(trashed.map((f) => f.id))
  // Only the entries whose files may have gone: all of them, or those of the changed paths.
  const liveScope = changed ? [...changed].flatMap((path) => (path.startsWith('articles/') ? (parseLive(path.slice('articles/'.length))?.id ?? []) : [])) : store.articles.keys()
  const trashScope = changed ? [...store.trash.values()].filter((entry) => changed.has(`trash/${basename(paths.trashed(entry.id, entry.trashedAt))}`)).map((entry) => entry.id) : store.trash.keys()
  for (const id of liveScope) {
    const entry = store.articles.get(id)
    if (!entry || (liveIds.has(id) && !unreadable.has(id))) continue
    ops.push({ drop: 'articles', id })
    if (!trashIds.has(id) && !unreadable.has(id)) notices.push(`“${entry.title || 'Untitled'}” was listed but its file is gone, so it was taken off the list.`)
  }
  for (const id of trashScope) if (!trashIds.has(id) || unreadable.has(id)) ops.push({ drop: 'trash', id })

  const count = live.length + trashed.length
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
