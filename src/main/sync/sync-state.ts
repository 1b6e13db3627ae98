import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import { readJsonIfExists, writeJsonAtomic } from '../library/json-file'
import type { LibraryRepo } from './library-repo'

/** An article a merge flagged: the other side's words are kept whole as a named revision until someone settles it. */
export const openConflictSchema = z.object({
  articleId: z.string(),
  title: z.string(),
  revisionId: z.string(),
  summary: z.string(),
  at: z.string()
})
export type OpenConflict = z.infer<typeof openConflictSchema>

const stateSchema = z.object({
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  conflicts: z.array(openConflictSchema)
})
export type SyncState = z.infer<typeof stateSchema>

/**
 * Written before a merge moves the branch and removed once the files match
 * it: a sync killed in between finds it and finishes writing the files.
 */
const markerSchema = z.object({ from: z.string(), to: z.string(), conflicts: z.array(openConflictSchema), notices: z.array(z.string()) })
export type MergeMarker = z.infer<typeof markerSchema>

const stateFile = (repo: LibraryRepo): string => join(repo.stateDir, 'state.json')
const markerFile = (repo: LibraryRepo): string => join(repo.stateDir, 'merge-in-progress.json')

/** This clone's sync state (kept in .git, never committed); a missing or unreadable one starts afresh. */
export async function readSyncState(repo: LibraryRepo): Promise<SyncState> {
  const parsed = stateSchema.safeParse(await readJsonIfExists(stateFile(repo)).catch(() => null))
  return parsed.success ? parsed.data : { lastSyncAt: null, lastError: null, conflicts: [] }
}

export async function writeSyncState(repo: LibraryRepo, state: SyncState): Promise<void> {
  await mkdir(repo.stateDir, { recursive: true })
  await writeJsonAtomic(stateFile(repo), state)
}

export async function updateSyncState(repo: LibraryRepo, change: (state: SyncState) => SyncState): Promise<SyncState> {
  const next = change(await readSyncState(repo))
  await writeSyncState(repo, next)
  return next
}

/** Adds conflicts, once each, to those still open. */
export const withConflicts = (state: SyncState, added: OpenConflict[]): SyncState => ({
  ...state,
  conflicts: [...state.conflicts, ...added.filter((c) => !state.conflicts.some((open) => open.revisionId === c.revisionId))]
})

export async function readMarker(repo: LibraryRepo): Promise<MergeMarker | null> {
  const parsed = markerSchema.safeParse(await readJsonIfExists(markerFile(repo)).catch(() => null))
  return parsed.success ? parsed.data : null
}

export async function writeMarker(repo: LibraryRepo, marker: MergeMarker): Promise<void> {
  await mkdir(repo.stateDir, { recursive: true })
  await writeJsonAtomic(markerFile(repo), marker)
}

export const clearMarker = (repo: LibraryRepo): Promise<void> => rm(markerFile(repo), { force: true })
