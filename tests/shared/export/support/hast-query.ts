import type { Element, Nodes, Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'

/** Parsed as a browser would: a whole document, or a fragment for `fragment` output. */
export const parseDocument = (html: string, fragment = false): Root => unified().use(rehypeParse, { fragment }).parse(html)

export function elements(node: Nodes, test: (element: Element) => boolean): Element[] {
  const found: Element[] = []
  const walk = (current: Nodes): void => {
    if (current.type === 'element' && test(current)) found.push(current)
    if ('children' in current) for (const child of current.children) walk(child)
  }
  walk(node)
  return found
}

export const byTag = (node: Nodes, tagName: string): Element[] => elements(node, (element) => element.tagName === tagName)
export const byClass = (node: Nodes, className: string): Element[] =>
  elements(node, (element) => Array.isArray(element.properties['className']) && element.properties['className'].includes(className))

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : ''
}

/** The JSON-LD objects in a page, parsed the way search engines read them. */
export const jsonLd = (root: Root): Record<string, unknown>[] =>
  elements(root, (element) => element.tagName === 'script' && element.properties['type'] === 'application/ld+json').map((script) => JSON.parse(textOf(script)))
