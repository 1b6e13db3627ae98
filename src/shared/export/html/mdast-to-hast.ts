import type { ElementContent } from 'hast'
import type { RootContent } from 'mdast'
import { toHast, type Handlers } from 'mdast-util-to-hast'
import type { HtmlEnv } from '../block-output'

const handlers: Handlers = {
  copydeskBlock: (_state, node) => node.output.html(node.payload, htmlEnv),
  underline: (state, node) => ({ type: 'element', tagName: 'u', properties: {}, children: state.all(node) })
}

/** The HTML of body content; text and attributes stay data until hast-util-to-html escapes them. */
export function mdastToHast(nodes: readonly RootContent[]): ElementContent[] {
  const root = toHast({ type: 'root', children: [...nodes] }, { handlers })
  return root.type === 'root' ? (root.children as ElementContent[]) : [root as ElementContent]
}

const htmlEnv: HtmlEnv = { hast: mdastToHast }
