import { createHash } from 'node:crypto'
import { join } from 'node:path'
import * as z from 'zod'
import { profileNameSchema } from '../../shared/export-api'
import { readRememberedJson, writeRememberedJson } from './remembered-json'

/** Kept in the site folder so every later export knows which files are Copydesk's. */
export const MANIFEST_NAME = '.copydesk-export.json'

export const entrySchema = z.strictObject({
  kind: z.enum(['article', 'media', 'kit']),
  /** Of the bytes Copydesk wrote: a file on disk with another hash was changed by someone else. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** For article files and their media: which article they came from, to list what an export would remove. */
  articleId: z.string().optional(),
  title: z.string().optional()
})
export type ManifestEntry = z.infer<typeof entrySchema>

const manifestSchema = z.strictObject({
  format: z.literal(1),
  profile: profileNameSchema,
  files: z.record(z.string(), entrySchema)
})
export type Manifest = z.infer<typeof manifestSchema>

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

/**
 * The manifest of the last export, or null when there is none. An unreadable
 * one also gives null with a notice: knowing less only makes the export more
 * careful (changed files become conflicts, nothing is removed).
 */
export async function readManifest(siteRoot: string): Promise<{ manifest: Manifest | null; notice: string | null }> {
  try {
    return { manifest: await readRememberedJson(join(siteRoot, MANIFEST_NAME), (text) => manifestSchema.parse(JSON.parse(text))), notice: null }
  } catch {
    return {
      manifest: null,
      notice: `${MANIFEST_NAME} could not be read, so files already in the site are treated as not written by Copydesk.`
    }
  }
}

/**
 * Each entry's line as it sits in the file, path included, kept while the
 * entry lives: after one edit, all but one of 10,000 entries are the objects
 * read or written last time, so writing the manifest joins their lines
 * instead of serializing megabytes again. Entries are never edited in place;
 * one recorded under another path gets its line anew.
 */
const entryLines = new WeakMap<ManifestEntry, { path: string; line: string }>()
function lineOf(path: string, entry: ManifestEntry): string {
  const kept = entryLines.get(entry)
  if (kept?.path === path) return kept.line
  const { kind, sha256: hash, articleId, title } = entry
  // Indented as JSON.stringify(manifest, null, 2) places it, two levels down.
  const line = `    ${JSON.stringify(path)}: ${JSON.stringify({ kind, sha256: hash, articleId, title }, null, 2).replaceAll('\n', '\n    ')}`
  entryLines.set(entry, { path, line })
  return line
}

/** Sorted by path so the file is byte-identical when nothing changed, and diffs stay small; the same text as JSON.stringify(manifest, null, 2). */
export function serializeManifest(manifest: Manifest): string {
  const paths = Object.keys(manifest.files).sort()
  const files = paths.length ? `{\n${paths.map((path) => lineOf(path, manifest.files[path]!)).join(',\n')}\n  }` : '{}'
  return `{\n  "format": ${JSON.stringify(manifest.format)},\n  "profile": ${JSON.stringify(manifest.profile)},\n  "files": ${files}\n}\n`
}

/**
 * Atomic (temp file and rename) but not fsynced: a manifest lost to a power
 * cut only makes the next export more careful, while an fsync behind 100 MB
 * of freshly exported files can take seconds.
 */
export async function writeManifest(siteRoot: string, manifest: Manifest): Promise<void> {
  await writeRememberedJson(join(siteRoot, MANIFEST_NAME), serializeManifest(manifest), manifest)
}
