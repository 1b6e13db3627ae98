import { randomBytes } from 'node:crypto'
import { realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import { mediaPathSchema } from '../../shared/article/article'
import { slugify } from '../../shared/article/slug'
import { UserError } from '../../shared/ipc/result'
import { decodeUrlPath } from '../security/app-scheme'
import { writeFileAtomic } from './json-file'
import { refuseLinkedFolders } from './no-links'

/** Raster formats browsers show in an <img>; the bytes decide, not the name. SVG is left out: it can carry script. */
const imageFormats: { ext: string; mime: string; matches: (b: Uint8Array) => boolean }[] = [
  { ext: 'png', mime: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { ext: 'jpg', mime: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', mime: 'image/gif', matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'GIF8' },
  { ext: 'webp', mime: 'image/webp', matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
  { ext: 'avif', mime: 'image/avif', matches: (b) => String.fromCharCode(...b.subarray(4, 12)) === 'ftypavif' }
]

const mediaMimeType = (file: string): string =>
  imageFormats.find((f) => f.ext === extname(file).slice(1).replace('jpeg', 'jpg'))?.mime ?? 'application/octet-stream'

/** The headers an image of the library is served with: its type by name, and no sniffing (the bytes were checked when it was added). */
export const mediaResponseHeaders = (file: string): Record<string, string> => ({
  'content-type': mediaMimeType(file),
  'x-content-type-options': 'nosniff'
})

/**
 * Copies an image into the library's media folder under a new name that
 * cannot collide or escape the folder; returns the path articles store.
 */
export async function addMedia(libraryDir: string, name: string, bytes: Uint8Array): Promise<{ src: string }> {
  const format = imageFormats.find((f) => f.matches(bytes))
  if (!format) throw new UserError('invalid-input', `“${name}” is not a PNG, JPEG, GIF, WebP or AVIF image, so it was not added.`)
  const stem = slugify(name.replace(/\.[^.]*$/, '')).slice(0, 60)
  const src = `media/${randomBytes(4).toString('hex')}-${stem}.${format.ext}`
  const file = join(libraryDir, src)
  await refuseLinkedFolders(libraryDir, file)
  await writeFileAtomic(file, bytes)
  return { src }
}

/**
 * The file behind a media path such as "media/1a2b-photo.jpg", or null when
 * the path is malformed, missing, or leads outside the media folder (by
 * `..`, an absolute path or a symbolic link). The media protocol and the
 * test harness both serve files only through here.
 */
export async function resolveMediaFile(libraryDir: string, relPath: string): Promise<string | null> {
  if (!mediaPathSchema.safeParse(relPath).success) return null
  try {
    const mediaDir = await realpath(join(libraryDir, 'media'))
    const file = await realpath(join(libraryDir, relPath))
    if (!file.startsWith(mediaDir + sep) || !(await stat(file)).isFile()) return null
    return file
  } catch {
    return null
  }
}

/** The file a copydesk-media://library/… URL asks for, or null (a 404) for another host, bad percent-encoding or a path resolveMediaFile refuses. */
export async function mediaFileForUrl(libraryDir: string, url: string): Promise<string | null> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const relPath = parsed.host === 'library' ? decodeUrlPath(parsed.pathname.slice(1)) : null
  return relPath === null ? null : resolveMediaFile(libraryDir, relPath)
}
