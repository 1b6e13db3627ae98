import { mkdir, readFile, rmdir, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { SiteFile } from '../../shared/export-api'
import { writeManifest, type ManifestEntry } from './manifest'
import { byPath, siteFile, type Plan, type PlannedFile, type StaleFile } from './plan'
import { writeNewFile } from './write-via-temp'

export interface ApplyOptions {
  /** Remove the files of articles no longer exported. */
  prune: boolean
  /** Overwrite or remove files someone changed since Copydesk wrote them. */
  overwriteConflicts: boolean
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

/**
 * Carries out a plan: writes new and changed files (each one atomically),
 * removes stale ones only when asked, and records what Copydesk wrote in the
 * manifest, last, so an interrupted run is finished correctly by the next.
 */
export async function applyPlan(plan: Plan, options: ApplyOptions): Promise<Applied> {
  const entries: Record<string, ManifestEntry> = { ...plan.previous?.files }
  const mayOverwrite = (action: string): boolean => action !== 'conflict' || options.overwriteConflicts
  const toWrite = plan.files.filter((file) => file.action !== 'unchanged' && mayOverwrite(file.action))
  const toRemove = options.prune ? plan.stale.filter((file) => mayOverwrite(file.action)) : []
  const applied: Applied = {
    written: [],
    unchanged: [],
    removed: [],
    kept: [],
    conflicts: plan.files.filter((file) => file.action === 'conflict' && !options.overwriteConflicts).map(siteFile),
    cancelled: false
  }
  // Rewriting 10,000 entries costs more than the rest of an export where nothing changed, so only when something did.
  let dirty = plan.previous?.profile !== plan.profile
  for (const file of plan.files) {
    if (file.action !== 'unchanged') continue
    // Identical bytes already there: Copydesk owns the file from now on.
    if (!recorded(entries[file.path], file)) {
      entries[file.path] = entryOf(file)
      dirty = true
    }
    applied.unchanged.push(siteFile(file))
  }

  const total = toWrite.length + toRemove.length
  let done = 0
  const step = async <T extends PlannedFile | StaleFile>(files: T[], act: (file: T) => Promise<void>): Promise<void> => {
    for (let start = 0; start < files.length && !applied.cancelled; start += BATCH) {
      if (options.signal?.aborted) {
        applied.cancelled = true
        break
      }
      await Promise.all(files.slice(start, start + BATCH).map(act))
      done += Math.min(BATCH, files.length - start)
      options.onProgress?.(done, total)
    }
  }
  const folders = new Map<string, Promise<unknown>>()
  await step(toWrite, async (file) => {
    const folder = dirname(file.target)
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }))
    await folders.get(folder)
    const bytes = file.content ?? (await readFile(file.source!))
    // Site files are not fsynced one by one: a crash leaves each old or new (rename is atomic), and the next export repairs it.
    // A file already there keeps its owner, mode and links (write-file-atomic's care); a new one has none to keep.
    if (file.action === 'add') await writeNewFile(file.target, bytes)
    else await writeFileAtomic(file.target, bytes, { fsync: false })
    entries[file.path] = entryOf(file)
    dirty = true
    applied.written.push(siteFile(file))
  })
  await step(toRemove, async (file) => {
    await unlink(file.target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
    await removeEmptyFolders(plan.site.root, dirname(file.target))
    delete entries[file.path]
    dirty = true
    applied.removed.push(siteFile(file))
  })

  const removed = new Set(applied.removed.map((file) => file.path))
  applied.kept = plan.stale.filter((file) => !removed.has(file.path)).map(siteFile)
  if (dirty) await writeManifest(plan.site.root, { format: 1, profile: plan.profile, files: entries })
  applied.written.sort(byPath)
  applied.removed.sort(byPath)
  return applied
}

/** A page bundle's folder goes with its last file; git never shows empty folders, so neither should the site. */
async function removeEmptyFolders(root: string, dir: string): Promise<void> {
  for (let current = dir; current.startsWith(`${root}/`) || current.startsWith(`${root}\\`); current = dirname(current)) {
    try {
      await rmdir(current)
    } catch {
      return
    }
  }
}
