import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Element, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'

export interface FirstLoad {
  /** The scripts the window fetches before it can draw: the entry and every chunk it imports statically. */
  files: string[]
  bytes: number
  gzipBytes: number
  /** Every script of the build, the lazily loaded chunks included. */
  allBytes: number
}

/**
 * What the built renderer's index.html makes the window load up front: the
 * module script and the chunks Vite lists beside it as modulepreload (the
 * entry's static imports). Chunks only an import() reaches are left for later.
 */
export async function firstLoadScripts(rendererDir: string): Promise<FirstLoad> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first`)
  })
  const files = elements(unified().use(rehypeParse).parse(html)).flatMap(({ tagName, properties: { src, href, rel, type } }) => {
    if (tagName === 'script' && type === 'module' && typeof src === 'string') return [src]
    if (tagName === 'link' && Array.isArray(rel) && rel.includes('modulepreload') && typeof href === 'string') return [href]
    return []
  })
  if (files.length === 0) throw new Error(`${rendererDir}/index.html loads no module script`)
  let bytes = 0
  let gzipBytes = 0
  for (const file of files) {
    const code = await readFile(join(rendererDir, file))
    bytes += code.length
    gzipBytes += gzipSync(code).length
  }
  const assets = join(rendererDir, 'assets')
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'))
  const sizes = await Promise.all(scripts.map(async (name) => (await stat(join(assets, name))).size))
  return { files, bytes, gzipBytes, allBytes: sizes.reduce((sum, size) => sum + size, 0) }
}

function elements(node: Root | RootContent): Element[] {
  const children = 'children' in node ? node.children.flatMap(elements) : []
  return node.type === 'element' ? [node, ...children] : children
}
