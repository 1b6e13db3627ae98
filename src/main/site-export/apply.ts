import { renameSync } from 'node:fs'
import { mkdir, readdir, rmdir, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { SiteFile } from '../../shared/export-api'
import { clearJournal, journalPart, writeJournal, type Journal, type JournalFile } from './export-journal'
import { lineOf, writeManifest, type ManifestEntry } from './manifest'
import { byPath, siteFile, type Plan, type PlannedFile, type Stager, type StaleFile } from './plan'
import { isOwnTemp, tempBeside } from './write-via-temp'

export interface CommitOptions {
  /** Remove the files of articles no longer exported. */
  prune: boolean
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export interface Applied {
  written: SiteFile[]
  unchanged: SiteFile[]
  removed: SiteFile[]
  kept: SiteFile[]
  conflicts: SiteFile[]
  cancelled: boolean
}

const BATCH = 16
/** Temp files renamed into place between two turns of the event loop: a few milliseconds' worth. */
const RENAMES = 256

/** Whether the manifest already records `file` as entryOf would; compared field by field, as it runs for every file of every export. */
const recorded = (entry: ManifestEntry | undefined, file: PlannedFile): boolean =>
  entry !== undefined &&
  entry.kind === file.kind &&
  entry.sha256 === file.sha256 &&
  entry.articleId === (file.articleId || undefined) &&
  entry.title === (file.title || undefined)

const entryOf = (file: PlannedFile): ManifestEntry => ({
  kind: file.kind,
  sha256: file.sha256,
  ...(file.articleId ? { articleId: file.articleId } : {}),
  ...(file.title ? { title: file.title } : {})
})

/** A file whose bytes wait beside its target, or (for a file already there) in memory, until the export is committed. */
interface Staged {
  file: PlannedFile
  temp?: string
  bytes?: Buffer
  /** What the journal and then the manifest record for it. */
  journalled: JournalFile & { entry: ManifestEntry }
  /** Its part of the journal's text. */
  journalText: string
}

/**
 * A staged file with its journal entry and text, and its manifest line laid
 * out: made while later articles still render, so a commit of 10,000 new
 * files joins them instead of serializing each while the render threads wait.
 */
function staged(file: PlannedFile, held: { temp: string } | { bytes: Buffer }): Staged {
  const entry = entryOf(file)
  lineOf(file.path, entry)
  // The temp beside the target, relative to the site root as the journal keeps it.
  const folder = 'temp' in held ? dirname(file.path) : ''
  const journalled: Staged['journalled'] = 'temp' in held ? { entry, temp: folder === '.' ? basename(held.temp) : `${folder}/${basename(held.temp)}` } : { entry }
  return { file, ...held, journalled, journalText: journalPart(file.path, journalled) }
}

/**
 * Writes an export into the site in two steps, so that reading, rendering
 * and writing overlap yet a failure changes nothing. While the plan is made,
 * each new file's bytes go to a temp file beside it as soon as it is
 * compared. Once the whole plan stands, `commit` renames them into place,
 * rewrites changed files, removes stale ones when asked and records it all in
 * the manifest, last, so an interrupted run is finished correctly by the
 * next. `discard` takes back everything staged: a bad article found halfway
 * leaves the site as it was.
 */
export class SiteWriter implements Stager {
  private readonly staged: Staged[] = []
  private readonly folders = new Map<string, Promise<void>>()
  /** Folders this export created, each from the deepest up to the first that was missing: they go again with a discarded export. */
  private readonly createdFolders: { deepest: string; first: string }[] = []

  /** `overwriteConflicts`: overwrite or remove files someone changed since Copydesk wrote them. */
  constructor(private readonly overwriteConflicts: boolean) {}

  private mayOverwrite(action: string): boolean {
    return action !== 'conflict' || this.overwriteConflicts
  }

  /** Takes one compared file: bytes for a new file go to disk now, beside it; a changed file's wait in memory. */
  async stage(file: PlannedFile, bytes: Buffer): Promise<void> {
    if (file.action === 'unchanged' || !this.mayOverwrite(file.action)) return
    if (file.action !== 'add') {
      this.staged.push(staged(file, { bytes }))
      return
    }
    await this.folder(dirname(file.target))
    const temp = tempBeside(file.target)
    // Listed before the write starts, so a failed or interrupted write is cleaned up too.
    this.staged.push(staged(file, { temp }))
    // Not fsynced: a crash leaves temp files and an unchanged manifest, and the next export writes everything again.
    await writeFile(temp, bytes, { flag: 'wx' })
  }

  adopt(file: PlannedFile, temp: string): void {
    this.staged.push(staged(file, { temp }))
  }

  folder(dir: string): Promise<void> {
    let made = this.folders.get(dir)
    if (!made) {
      made = mkdir(dir, { recursive: true }).then((first) => {
        if (first) this.createdFolders.push({ deepest: dir, first })
      })
      this.folders.set(dir, made)
    }
    return made
  }

  /**
   * Removes every staged temp file and the folders made for them: the site is
   * as it was. Temp files of this process in those folders go too: a render
   * thread that died mid-write never said what it had written.
   */
  async discard(): Promise<void> {
    await Promise.allSettled(this.folders.values())
    const temps = new Set(this.staged.flatMap((staged) => (staged.temp ? [staged.temp] : [])))
    for (const folder of this.folders.keys()) {
      const names = await readdir(folder).catch(() => [])
      for (const name of names) if (isOwnTemp(name)) temps.add(join(folder, name))
    }
    const all = [...temps]
    for (let start = 0; start < all.length; start += BATCH) {
      await Promise.all(all.slice(start, start + BATCH).map((temp) => unlink(temp).catch(() => undefined)))
    }
    this.staged.length = 0
    for (const { deepest, first } of this.createdFolders.reverse()) await removeEmptyFolders(deepest, dirname(first))
  }

  /**
   * Puts the staged files in place, removes stale ones when asked, and writes
   * the manifest. The journal written first lists all of it, so an export
   * interrupted before the manifest is written is told and finished by the next.
   */
  async commit(plan: Plan, options: CommitOptions): Promise<Applied> {
    const entries: Record<string, ManifestEntry> = { ...plan.previous?.files }
    const toRemove = options.prune && !plan.cancelled ? plan.stale.filter((file) => this.mayOverwrite(file.action)) : []
    const applied: Applied = {
      written: [],
      unchanged: [],
      removed: [],
      kept: [],
      conflicts: plan.files.filter((file) => file.action === 'conflict' && !this.overwriteConflicts).map(siteFile),
      cancelled: plan.cancelled
    }
    // Rewriting 10,000 entries costs more than the rest of an export where nothing changed, so only when something did.
    const rewrite = plan.previous?.profile !== plan.profile || plan.recovery !== null
    /** Paths whose entry was set or deleted: the manifest is patched there rather than written anew. */
    const changed = new Set<string>()
    for (const file of plan.files) {
      if (file.action !== 'unchanged') continue
      // Identical bytes already there: Copydesk owns the file from now on.
      if (!recorded(entries[file.path], file)) {
        entries[file.path] = entryOf(file)
        changed.add(file.path)
      }
      applied.unchanged.push(siteFile(file))
    }

    const total = this.staged.length + toRemove.length
    let journal: Journal | null = null
    if (total > 0) {
      journal = { format: 1, profile: plan.profile, files: {} }
      const parts: string[] = []
      for (const { file, journalled, journalText } of this.staged) {
        journal.files[file.path] = journalled
        parts.push(journalText)
      }
      for (const file of toRemove) {
        journal.files[file.path] = { entry: null }
        parts.push(journalPart(file.path, { entry: null }))
      }
      await writeJournal(plan.site.root, journal, parts)
    }
    let done = 0
    const step = async <T>(items: T[], act: (item: T) => Promise<void>): Promise<void> => {
      for (let start = 0; start < items.length; start += BATCH) {
        await Promise.all(items.slice(start, start + BATCH).map(act))
        done += Math.min(BATCH, items.length - start)
        options.onProgress?.(done, total)
      }
    }
    const staged = this.staged.splice(0)
    const put = ({ file, journalled }: Staged): void => {
      entries[file.path] = journalled.entry
      changed.add(file.path)
      applied.written.push(siteFile(file))
    }
    // Staged files are all put in place, even after a cancel: their bytes are already written, and renaming is cheap.
    const temps = staged.filter((item) => item.temp)
    for (let start = 0; start < temps.length; start += RENAMES) {
      // Synchronous: renames into one folder take its lock one at a time whatever the concurrency, and a first export's
      // 10,000 took 2.5-3x the CPU as thread-pool round trips (~400 against ~150 ms). A chunk at a time, so other events get a turn.
      if (start > 0) await new Promise((next) => setImmediate(next))
      for (const item of temps.slice(start, start + RENAMES)) {
        renameSync(item.temp!, item.file.target)
        put(item)
      }
      done += Math.min(RENAMES, temps.length - start)
      options.onProgress?.(done, total)
    }
    await step(
      staged.filter((item) => !item.temp),
      async (item) => {
        if (options.signal?.aborted) return
        // A file already there keeps its owner, mode and links (write-file-atomic's care).
        await writeFileAtomic(item.file.target, item.bytes!, { fsync: false })
        put(item)
      }
    )
    if (options.signal?.aborted) applied.cancelled = true
    if (!applied.cancelled) {
      await step(toRemove, async (file: StaleFile) => {
        await unlink(file.target).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error
        })
        await removeEmptyFolders(dirname(file.target), plan.site.root)
        delete entries[file.path]
        changed.add(file.path)
        applied.removed.push(siteFile(file))
      })
    }

    const removed = new Set(applied.removed.map((file) => file.path))
    applied.kept = plan.stale.filter((file) => !removed.has(file.path)).map(siteFile)
    if (rewrite || changed.size) {
      await writeManifest(plan.site.root, { format: 1, profile: plan.profile, files: entries }, plan.previous ? { files: plan.previous.files, changed } : undefined)
    }
    if (plan.recovery) await clearJournal(plan.site.root, plan.recovery.journal, { tempsLeft: true })
    // Every temp file it names was renamed into place above (a failed rename throws before this).
    if (journal) await clearJournal(plan.site.root, journal, { tempsLeft: false })
    applied.written.sort(byPath)
    applied.removed.sort(byPath)
    return applied
  }
}

/**
 * Removes `dir` and the empty folders above it, up to but not including
 * `stop`. A page bundle's folder goes with its last file; git never shows
 * empty folders, so neither should the site.
 */
async function removeEmptyFolders(dir: string, stop: string): Promise<void> {
  for (let current = dir; current.startsWith(`${stop}/`) || current.startsWith(`${stop}\\`); current = dirname(current)) {
    try {
      await rmdir(current)
    } catch {
      return
    }
  }
}
