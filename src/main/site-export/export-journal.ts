import { rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import { profileNameSchema } from '../../shared/export-api'
import { entrySchema, sha256, type Manifest, type ManifestEntry } from './manifest'
import { readRegularFile } from './regular-file'
import { readRememberedJson, writeRememberedJson } from './remembered-json'

/**
 * Kept in the site folder while an export puts its files in place, and gone
 * once the manifest records them: found at the start of an export, it means
 * the last one was interrupted (killed, a power cut, a full disk) halfway
 * through its commit.
 */
export const JOURNAL_NAME = '.copydesk-export-journal.json'

const journalSchema = z.strictObject({
  format: z.literal(1),
  profile: profileNameSchema,
  /** Every file the commit writes (its manifest entry) or removes (null), by site path. */
  files: z.record(z.string(), z.strictObject({ entry: entrySchema.nullable(), temp: z.string().optional() }))
})
export type Journal = z.infer<typeof journalSchema>

export type JournalFile = Journal['files'][string]

/** One file's part of the journal's text, as JSON.stringify(journal) writes it. */
export const journalPart = (path: string, file: JournalFile): string => `${JSON.stringify(path)}:${JSON.stringify(file)}`

/** `parts`: each file's journalPart in the order of `journal.files`, when the caller made them ahead. */
export async function writeJournal(siteRoot: string, journal: Journal, parts?: readonly string[]): Promise<void> {
  const text = parts ? `{"format":${journal.format},"profile":${JSON.stringify(journal.profile)},"files":{${parts.join(',')}}}` : JSON.stringify(journal)
  await writeRememberedJson(join(siteRoot, JOURNAL_NAME), text, journal)
}

/**
 * Called once the manifest records the commit. A killed export's journal
 * (`tempsLeft`) may name temp files it never renamed: they go too. The
 * journal of a commit that just finished names none left (every one was
 * renamed into place), and trying 10,000 unlinks that can only fail took a
 * first export a noticeable share of its time.
 */
export async function clearJournal(siteRoot: string, journal: Journal | null, { tempsLeft }: { tempsLeft: boolean }): Promise<void> {
  if (tempsLeft) for (const { temp } of Object.values(journal?.files ?? {})) if (temp) await unlink(join(siteRoot, temp)).catch(() => undefined)
  await rm(join(siteRoot, JOURNAL_NAME), { force: true })
}

export interface Recovery {
  /** The journal found, to clear once this export's commit is recorded. */
  journal: Journal
  notice: string
}

/**
 * Brings the manifest up to what an interrupted commit did, so it describes
 * the files on disk: each journalled file whose new bytes are in place is
 * recorded as written, each removed one as gone, and the rest keep what the
 * manifest said (their old file is still there). Returns null when no export
 * was interrupted. An unreadable journal is treated as none: the manifest
 * then only makes the export more careful.
 */
export async function recoverInterrupted(siteRoot: string, manifest: Manifest | null): Promise<{ manifest: Manifest | null; recovery: Recovery | null }> {
  const journal = await readRememberedJson(join(siteRoot, JOURNAL_NAME), (text) => journalSchema.parse(JSON.parse(text))).catch(() => null)
  if (!journal) return { manifest, recovery: null }
  const files: Record<string, ManifestEntry> = { ...manifest?.files }
  let done = 0
  const paths = Object.keys(journal.files)
  for (const path of paths) {
    const { entry } = journal.files[path]!
    const onDisk = await readRegularFile(join(siteRoot, path), path).catch(() => undefined)
    if (onDisk === undefined) continue
    if (entry === null ? onDisk === null : onDisk !== null && sha256(onDisk) === entry.sha256) {
      done++
      if (entry) files[path] = entry
      else delete files[path]
    }
  }
  return {
    manifest: manifest || done ? { format: 1, profile: manifest?.profile ?? journal.profile, files } : null,
    recovery: { journal, notice: `The last export was interrupted after ${done} of ${paths.length} files; this export completes it.` }
  }
}
