import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
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

/** Sorted by path so the file is byte-identical when nothing changed, and diffs stay small. */
export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries(
    Object.keys(manifest.files)
      .sort()
      .map((path) => {
        const { kind, sha256: hash, articleId, title } = manifest.files[path]!
        return [path, { kind, sha256: hash, articleId, title }]
      })
  )
  return `${JSON.stringify({ format: manifest.format, profile: manifest.profile, files }, null, 2)}\n`
}

/**
 * Atomic (temp file and rename) but not fsynced: a manifest lost to a power
 * cut only makes the next export more careful, while an fsync behind 100 MB
 * of freshly exported files can take seconds.
 */
export async function writeManifest(siteRoot: string, manifest: Manifest): Promise<void> {
  await writeRememberedJson(join(siteRoot, MANIFEST_NAME), serializeManifest(manifest), manifest)
}
