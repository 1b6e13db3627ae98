import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import { mediaPathSchema } from '../../shared/article/article'
import { isImageNode, type BodyNode } from '../../shared/article/body'
import { isRelativeUrl } from '../../shared/article/urls'
import type { ImportedArticle } from '../../shared/import'
import { MAX_IMPORT_BYTES } from '../../shared/library-api'
import { reasonOf } from './article-files'

type AddMedia = (name: string, bytes: Uint8Array) => Promise<{ src: string }>

/** The file path a relative image address names ("img/a%20b.png?v=2" → "img/a b.png"), or null for one that names no file beside the source (site-root "/x.png"). */
function pathOf(src: string): string | null {
  const path = src.trim().split(/[?#]/)[0]!
  if (path === '' || path.startsWith('/')) return null
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** A regular file's bytes, or null when it is missing, not a file or too big to be an image worth importing. */
async function readImage(file: string): Promise<Uint8Array | null> {
  let handle
  try {
    handle = await open(file, 'r')
    const info = await handle.stat()
    if (!info.isFile() || info.size > MAX_IMPORT_BYTES) return null
    return new Uint8Array(await handle.readFile())
  } catch {
    return null
  } finally {
    await handle?.close()
  }
}

/**
 * The article with each image the source names by a relative address
 * (`train.jpg`, `../img/a.png`, as Hugo and Jekyll posts and saved pages do)
 * copied from beside the source file into the media folder and pointed at
 * its copy. An image not found there, or not a picture the media folder
 * takes, keeps its address as written, and the writer is told.
 */
export async function withImagesBeside(imported: ImportedArticle, sourceDir: string, addMedia: AddMedia): Promise<ImportedArticle> {
  const body = imported.fields.body
  if (!body) return imported
  const sources = new Set<string>()
  const collect = (nodes: readonly BodyNode[]): void => {
    for (const node of nodes) {
      const src = node.attrs?.['src']
      if (isImageNode(node) && typeof src === 'string' && isRelativeUrl(src) && !mediaPathSchema.safeParse(src).success) sources.add(src)
      if (node.content) collect(node.content)
    }
  }
  collect(body.content)
  if (!sources.size) return imported
  const placed = new Map<string, string>()
  for (const src of sources) {
    const path = pathOf(src)
    const bytes = path === null ? null : await readImage(resolve(sourceDir, path))
    if (!bytes) {
      imported.warnings.push(`The image “${src.slice(0, 80)}” was not found beside the imported file: its address is kept as written, so the site must have the file there.`)
      continue
    }
    try {
      placed.set(src, (await addMedia(path!.split('/').at(-1)!, bytes)).src)
    } catch (error) {
      imported.warnings.push(`The image “${src.slice(0, 80)}” could not be added to the media folder (${reasonOf(error)}): its address is kept as written.`)
    }
  }
  if (!placed.size) return imported
  const place = (nodes: readonly BodyNode[]): BodyNode[] =>
    nodes.map((node) => {
      const src = node.attrs?.['src']
      if (isImageNode(node) && typeof src === 'string' && placed.has(src)) return { ...node, attrs: { ...node.attrs, src: placed.get(src) } }
      return node.content ? { ...node, content: place(node.content) } : node
    })
  imported.fields.body = { ...body, content: place(body.content) }
  return imported
}
