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
/** Also called ahead of the write for an entry about to be recorded, so the line is ready when the manifest is written. */
export function lineOf(path: string, entry: ManifestEntry): string {
  const kept = entryLines.get(entry)
  if (kept?.path === path) return kept.line
  const { kind, sha256: hash, articleId, title } = entry
  // Indented as JSON.stringify(manifest, null, 2) places it, two levels down.
  const line = `    ${JSON.stringify(path)}: ${JSON.stringify({ kind, sha256: hash, articleId, title }, null, 2).replaceAll('\n', '\n    ')}`
  entryLines.set(entry, { path, line })
  return line
}

const header = (manifest: Manifest): string => `{\n  "format": ${JSON.stringify(manifest.format)},\n  "profile": ${JSON.stringify(manifest.profile)},\n  "files": `
const FOOTER = '\n  }\n}\n'

/** Sorted by path so the file is byte-identical when nothing changed, and diffs stay small; the same text as JSON.stringify(manifest, null, 2). */
export function serializeManifest(manifest: Manifest): string {
  const paths = Object.keys(manifest.files).sort()
  return paths.length ? `${header(manifest)}{\n${paths.map((path) => lineOf(path, manifest.files[path]!)).join(',\n')}${FOOTER}` : `${header(manifest)}{}\n}\n`
}

/**
 * A manifest's bytes as last written, with where each entry's line starts:
 * after one edit, the next manifest is these bytes with one line swapped,
 * copied in three pieces, instead of 10,000 lines joined and encoded again.
 */
interface Laid {
  profile: string
  /** Sorted. */
  paths: string[]
  /** Byte offset of each path's line; a line ends two bytes (",\n") before the next one starts, the last one where FOOTER starts. */
  starts: number[]
  bytes: Buffer
}
const laidOut = new WeakMap<Manifest['files'], Laid>()

function layOut(manifest: Manifest): Buffer {
  const paths = Object.keys(manifest.files).sort()
  if (!paths.length) return Buffer.from(serializeManifest(manifest))
  const head = `${header(manifest)}{\n`
  const starts: number[] = []
  let offset = Buffer.byteLength(head)
  const lines = paths.map((path) => {
    const line = lineOf(path, manifest.files[path]!)
    starts.push(offset)
    offset += Buffer.byteLength(line) + 2
    return line
  })
  const bytes = Buffer.from(`${head}${lines.join(',\n')}${FOOTER}`)
  laidOut.set(manifest.files, { profile: manifest.profile, paths, starts, bytes })
  return bytes
}

/** Index of `path` in sorted `paths`, or -1. */
function indexOf(paths: string[], path: string): number {
  let low = 0
  let high = paths.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const at = paths[middle]!
    if (at === path) return middle
    if (at < path) low = middle + 1
    else high = middle - 1
  }
  return -1
}

/**
 * The bytes of `manifest`, which is `base` with the entries at `changed`
 * replaced: patched from base's bytes when base was laid out here and no path
 * came or went, else serialized whole. Either way the same bytes as serializeManifest.
 */
export function manifestBytes(manifest: Manifest, base?: { files: Manifest['files']; changed: ReadonlySet<string> }): Buffer {
  const laid = base && laidOut.get(base.files)
  if (!laid || laid.profile !== manifest.profile || !laid.paths.length) return layOut(manifest)
  const indexes: number[] = []
  for (const path of base.changed) {
    const index = indexOf(laid.paths, path)
    if (index < 0 || !manifest.files[path]) return layOut(manifest)
    indexes.push(index)
  }
  indexes.sort((a, b) => a - b)
  const { paths, starts: old, bytes } = laid
  const footerStart = bytes.length - FOOTER.length
  const chunks: Buffer[] = []
  const starts = old.slice()
  let cursor = 0
  let shift = 0
  for (const [n, index] of indexes.entries()) {
    const end = index + 1 < old.length ? old[index + 1]! - 2 : footerStart
    const line = Buffer.from(lineOf(paths[index]!, manifest.files[paths[index]!]!))
    chunks.push(bytes.subarray(cursor, old[index]), line)
    cursor = end
    shift += line.length - (end - old[index]!)
    // Lines up to and including the next changed one move by every change so far.
    const last = Math.min(indexes[n + 1] ?? old.length, old.length - 1)
    for (let after = index + 1; after <= last; after++) starts[after] = old[after]! + shift
  }
  chunks.push(bytes.subarray(cursor))
  const patched = Buffer.concat(chunks)
  laidOut.set(manifest.files, { profile: manifest.profile, paths, starts, bytes: patched })
  return patched
}

/**
 * Atomic (temp file and rename) but not fsynced: a manifest lost to a power
 * cut only makes the next export more careful, while an fsync behind 100 MB
 * of freshly exported files can take seconds. `base`: see manifestBytes.
 */
export async function writeManifest(siteRoot: string, manifest: Manifest, base?: { files: Manifest['files']; changed: ReadonlySet<string> }): Promise<void> {
  await writeRememberedJson(join(siteRoot, MANIFEST_NAME), manifestBytes(manifest, base), manifest)
}
