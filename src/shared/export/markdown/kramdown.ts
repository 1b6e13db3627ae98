import type { Emphasis, Root, RootContent } from 'mdast'
import { defaultHandlers, type Handle, type State } from 'mdast-util-to-markdown'
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
export function kramdownSyntax(tree: Root): Root {
  const replace = (node: RootContent): RootContent[] | undefined => {
    const inner = (parent: Parent): RootContent[] => mapNodes(parent, replace).children
    if (node.type === 'link') return [raw('['), ...inner(node), raw(kramdownDestination(node))]
    if (node.type === 'image') return [raw('!['), { type: 'text', value: node.alt ?? '' }, raw(kramdownDestination(node))]
    if (node.type === 'underline') return [raw('<u markdown="span">'), ...inner(node), raw('</u>')]
    if (node.type === 'list' && node.ordered && typeof node.start === 'number' && node.start !== 1) {
      return [raw(`{: start="${node.start}"}`), mapNodes(node, replace)]
    }
    return undefined
  }
  return mapNodes(tree, replace)
}

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
