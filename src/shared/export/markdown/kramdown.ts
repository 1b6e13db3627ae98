import type { Emphasis, Root, RootContent } from 'mdast'
import { defaultHandlers, type Handle, type Join, type State } from 'mdast-util-to-markdown'
import type { ExportWarningKind } from '../types'
import { normalizeUri } from 'micromark-util-sanitize-uri'
import { mapNodes, raw, type Parent } from './map-nodes'

/**
 * A URL encoded as the HTML export encodes it (mdast-util-to-hast uses the
 * same normalizeUri), made an HTML attribute value that neither kramdown,
 * which keeps character references, nor Liquid reads.
 */
const kramdownUrl = (url: string): string => normalizeUri(url).replace(/&/g, '&amp;')
const kramdownTitle = (title: string): string => title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\{/g, '&#x7B;')
const kramdownDestination = ({ url, title }: { url: string; title?: string | null | undefined }): string =>
  `](<${kramdownUrl(url)}>${title ? ` "${kramdownTitle(title)}"` : ''})`

/**
 * The tree with what kramdown reads unlike CommonMark written as kramdown reads it:
 * - a link's or image's destination is taken as written, backslashes
 *   included, so it is written as an already-encoded URL in angle brackets;
 * - text inside `<u>` is raw unless the element asks for `markdown="span"`
 *   (which kramdown then drops);
 * - an ordered list always starts at 1 unless an attribute list before it
 *   gives its `start`.
 */
export function kramdownSyntax(tree: Root, warn: (kind: ExportWarningKind, message: string) => void): Root {
  const replace = (node: RootContent): RootContent[] | undefined => {
    const inner = (parent: Parent): RootContent[] => mapNodes(parent, replace).children
    if ('children' in node && node.children.some((child, index) => child.type === 'link' && previousEndsWithBang(node.children, index))) {
      // `!` before a link written as `[` would make it an image: the `!` becomes a character reference.
      const children = node.children.flatMap((child, index, all) =>
        child.type === 'text' && all[index + 1]?.type === 'link' && child.value.endsWith('!') ? [{ ...child, value: child.value.slice(0, -1) }, raw('&#33;')] : [child]
      )
      return [mapNodes({ ...node, children } as RootContent & Parent, replace)]
    }
    if (node.type === 'link') return [raw('['), ...inner(node), raw(kramdownDestination(node))]
    if (node.type === 'image') return [raw('!['), { type: 'text', value: node.alt ?? '' }, raw(kramdownDestination(node))]
    if (node.type === 'underline') return [raw('<u markdown="span">'), ...inner(node), raw('</u>')]
    if (node.type === 'list' && node.ordered && typeof node.start === 'number' && node.start !== 1) {
      return [raw(`{: start="${node.start}"}`), mapNodes(node, replace)]
    }
    return undefined
  }
  return mapNodes(flattenNestedAttention(tree, warn), replace)
}

const previousEndsWithBang = (children: readonly RootContent[], index: number): boolean => {
  const previous = children[index - 1]
  return previous?.type === 'text' && previous.value.endsWith('!')
}

/**
 * Kramdown has no bold inside bold nor italic inside italic (`****a****`
 * shows its inner markers as text), so the inner one is written as plain
 * text of the outer, and the writer is told.
 */
function flattenNestedAttention(tree: Root, warn: (kind: ExportWarningKind, message: string) => void): Root {
  const said = new Set<string>()
  const walk = <T extends Parent>(parent: T, inside: ReadonlySet<string>): T =>
    ({
      ...parent,
      children: parent.children.flatMap((child): RootContent[] => {
        if (!('children' in child)) return [child]
        if ((child.type === 'strong' || child.type === 'emphasis') && inside.has(child.type)) {
          const name = child.type === 'strong' ? 'Bold' : 'Italic'
          if (!said.has(name)) warn('dialect-simplified', `${name} text inside ${name.toLowerCase()} text is written as one ${name.toLowerCase()} run for Jekyll: kramdown cannot nest it.`)
          said.add(name)
          return walk(child as Parent, inside).children
        }
        return [walk(child as RootContent & Parent, child.type === 'strong' || child.type === 'emphasis' ? new Set([...inside, child.type]) : inside)]
      })
    }) as T
  return walk(tree, new Set())
}

/**
 * Kramdown drops an attribute list (`{: start="3"}`) that opens a post when a
 * blank line follows it, so there it is written right above its list; further
 * down, the blank line stays, and a CommonMark reader keeps the list a list.
 */
export const kramdownJoin: Join = (left, right, parent) =>
  left.type === 'html' && left.value.startsWith('{:') && right.type === 'list' && parent.type === 'root' && parent.children[0] === left ? 0 : undefined

/**
 * Kramdown reads `***a***` as strong around emphasis, CommonMark the other
 * way round; `_**a**_` is emphasis around strong in both. So emphasis that
 * opens with strong prefers `_` (falling back to `*` where `_` cannot open,
 * inside a word).
 */
const emphasis: Handle = Object.assign((...args: Parameters<Handle>) => defaultHandlers.emphasis(...(args as Parameters<typeof defaultHandlers.emphasis>)), {
  attention: (node: Emphasis, state: State) => ({
    construct: 'emphasis',
    markers: node.children[0]?.type === 'strong' ? ['_', '*'] : state.options.emphasis === '_' ? ['_', '*'] : ['*', '_'],
    sizes: [1]
  }),
  peek: defaultHandlers.emphasis.peek
})

/** Handlers writing what kramdown reads unlike CommonMark its way. */
export const kramdownHandlers = { emphasis }
