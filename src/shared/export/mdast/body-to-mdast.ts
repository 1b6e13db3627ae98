import type { BlockContent, Image, RootContent } from 'mdast'
import { mediaPathSchema } from '../../article/article'
import type { BodyNode } from '../../article/body'
import { isRelativeUrl, isWebUrl } from '../../article/urls'
import type { AnyBlockOutput, ReadEnv } from '../block-output'
import type { ExportContext, ExportWarningKind } from '../types'
import { inlineToMdast } from './inline-to-mdast'
import { tableToMdast } from './table-to-mdast'

export interface BodyConverterOptions {
  ctx: ExportContext
  warn(kind: ExportWarningKind, message: string): void
  /** The URL the output uses for a library media file ("media/…"). */
  mediaUrl(src: string): string
  /** Custom blocks by Tiptap node name. */
  blocks: ReadonlyMap<string, AnyBlockOutput>
  /**
   * A heading goes at most one level below the one before it (the title is
   * the h1), as an HTML page's outline must; each heading moved is said.
   */
  closeHeadingGaps?: boolean
}

export interface BodyConverter {
  convert(nodes: readonly BodyNode[]): RootContent[]
  /** Every kept custom block's data, per block kind, in document order. */
  readonly blockData: Map<AnyBlockOutput, unknown[]>
}

/** How many spaces and tabs `text` starts (or ends) with. */
function edgeSpaces(text: string, atStart: boolean): number {
  let count = 0
  for (let i = atStart ? 0 : text.length - 1; i >= 0 && i < text.length; i += atStart ? 1 : -1) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 9) break
    count++
  }
  return count
}

const textOf = (node: BodyNode): string => (node.content ?? []).map((child) => child.text ?? '').join('')

/** Two blocks in a row that Markdown can only separate with a blank line make the item (and list) loose. */
const isSpread = (children: readonly RootContent[]): boolean =>
  children.some((child, index) => index > 0 && child.type === 'paragraph' && children[index - 1]!.type === 'paragraph')

/** Tiptap JSON → mdast, the tree both the HTML and the Markdown outputs are written from. */
export function createBodyConverter(options: BodyConverterOptions): BodyConverter {
  const blockData = new Map<AnyBlockOutput, unknown[]>()
  const inline = (nodes: readonly BodyNode[]) =>
    inlineToMdast(nodes, {
      unsafeLink: (href) => options.warn('unsafe-link', `A link to “${href.slice(0, 80)}” was removed: only web, mail and phone links are exported.`),
      image
    })
  const readEnv: ReadEnv = { ctx: options.ctx, warn: options.warn, mdast: (nodes) => convert(nodes) }
  let previousDepth = 1

  /** An image's address in the output: library media mapped to the profile's layout, web and relative addresses as written. */
  function image(node: BodyNode): Image | null {
    const src = typeof node.attrs?.['src'] === 'string' ? node.attrs['src'] : ''
    const alt = typeof node.attrs?.['alt'] === 'string' ? node.attrs['alt'].trim() : ''
    const title = typeof node.attrs?.['title'] === 'string' && node.attrs['title'] !== '' ? node.attrs['title'] : null
    let url: string
    if (mediaPathSchema.safeParse(src).success) url = options.mediaUrl(src)
    else if (isWebUrl(src)) url = src.trim()
    else if (isRelativeUrl(src)) {
      url = src
      options.warn('outside-image', `The image “${src.slice(0, 80)}” is not in the library’s media folder: its address is kept as written, so the site must have the file there.`)
    } else {
      options.warn('unsafe-image', `An image with the source “${src.slice(0, 80)}” was left out: images must come from the library’s media folder, the web or a relative address.`)
      return null
    }
    if (!alt) options.warn('missing-alt', `The image “${src}” has no alt text.`)
    return { type: 'image', url, alt, title }
  }

  /**
   * A block's text without the spaces it starts and ends with (outside code). A page shows
   * none of them, while Markdown would escape the first (`&#x20;`) or read
   * four of them as the start of a code block. Only the edges are looked at:
   * a regex for the trailing spaces scanned every paragraph whole, a fifth of
   * converting an article.
   */
  function withoutEdgeSpaces(nodes: readonly BodyNode[]): readonly BodyNode[] {
    let out = nodes
    const trim = (atStart: boolean): void => {
      // Code keeps its spaces: they are part of what it shows.
      for (;;) {
        const index = atStart ? 0 : out.length - 1
        const node = out[index]
        if (node?.type !== 'text' || node.marks?.some((mark) => mark.type === 'code')) return
        const text = node.text ?? ''
        const kept = atStart ? text.slice(edgeSpaces(text, true)) : text.slice(0, text.length - edgeSpaces(text, false))
        if (kept === text && text) return
        out = kept ? out.with(index, { ...node, text: kept }) : atStart ? out.slice(1) : out.slice(0, -1)
        if (kept) return
      }
    }
    trim(true)
    trim(false)
    return out
  }

  function block(node: BodyNode): RootContent[] {
    const custom = options.blocks.get(node.type)
    if (custom) {
      const data = custom.read(node, readEnv)
      if (data === null) return []
      const kept = blockData.get(custom) ?? []
      blockData.set(custom, [...kept, data])
      return [{ type: 'copydeskBlock', output: custom, payload: data, index: kept.length }]
    }
    const children = node.content ?? []
    switch (node.type) {
      case 'paragraph': {
        const content = inline(withoutEdgeSpaces(children))
        return content.length ? [{ type: 'paragraph', children: content }] : []
      }
      case 'heading': {
        const level = Number(node.attrs?.['level'] ?? 2)
        const written = Math.min(6, Math.max(2, Number.isInteger(level) ? level : 2))
        const depth = (options.closeHeadingGaps ? Math.min(written, previousDepth + 1) : written) as 2 | 3 | 4 | 5 | 6
        if (depth !== written) {
          options.warn('heading-level', `The H${written} heading “${textOf(node).slice(0, 60)}” is an H${depth} in the HTML page: a heading may go only one level below the one before it.`)
        }
        previousDepth = depth
        return [{ type: 'heading', depth, children: inline(withoutEdgeSpaces(children)) }]
      }
      case 'blockquote':
        return [{ type: 'blockquote', children: convert(children) as BlockContent[] }]
      case 'bulletList':
      case 'orderedList': {
        const loose = node.attrs?.['loose'] === true
        const items = children.map((item) => {
          const content = convert(item.content ?? []) as BlockContent[]
          return { type: 'listItem' as const, spread: loose || isSpread(content), children: content }
        })
        const start = Number(node.attrs?.['start'] ?? 1)
        return [
          {
            type: 'list',
            ordered: node.type === 'orderedList',
            start: node.type === 'orderedList' && Number.isInteger(start) && start >= 0 ? start : null,
            spread: items.some((item) => item.spread),
            children: items
          }
        ]
      }
      case 'codeBlock': {
        const language = node.attrs?.['language']
        return [{ type: 'code', lang: typeof language === 'string' && /^[^\s`"'<>&]{1,40}$/u.test(language) ? language : null, value: textOf(node) }]
      }
      case 'horizontalRule':
        return [{ type: 'thematicBreak' }]
      case 'image': {
        const picture = image(node)
        return picture ? [{ type: 'paragraph', children: [picture] }] : []
      }
      case 'table': {
        const { table, simplified } = tableToMdast(node, inline)
        if (simplified) options.warn('simplified-table', 'A table with merged cells or lists inside cells was simplified: Markdown tables hold one line of text per cell.')
        return [table]
      }
      default:
        return convert(children)
    }
  }

  function convert(nodes: readonly BodyNode[]): RootContent[] {
    return nodes.flatMap(block)
  }

  return { convert, blockData }
}
