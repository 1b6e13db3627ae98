import type { Element, Nodes, Parents } from 'hast'

export const isElement = (node: Nodes, ...names: string[]): node is Element =>
  node.type === 'element' && (names.length === 0 || names.includes(node.tagName))

/** Every element below `node` in document order; iterative because saved pages nest deeply. */
export function elementsOf(node: Parents): Element[] {
  const found: Element[] = []
  const stack: Nodes[] = [...node.children].reverse()
  while (stack.length) {
    const current = stack.pop()!
    if (current.type !== 'element') continue
    found.push(current)
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!)
  }
  return found
}

/** Removes every element matching `drop`, with its content. */
export function removeElements(node: Parents, drop: (element: Element) => boolean): void {
  node.children = node.children.filter((child) => !(child.type === 'element' && drop(child))) as typeof node.children
  for (const child of node.children) if (child.type === 'element') removeElements(child, drop)
}

export function stringProperty(element: Element, name: string): string | null {
  const value = element.properties[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.join(' ')
  return typeof value === 'number' ? String(value) : null
}

export function classTokens(element: Element): string[] {
  return `${stringProperty(element, 'className') ?? ''} ${stringProperty(element, 'id') ?? ''}`.toLowerCase().split(/[\s_-]+/).filter(Boolean)
}

/** Tallest nesting below `node`, counted without recursion. */
export function depthOf(node: Parents): number {
  let deepest = 0
  const stack: [Nodes, number][] = [[node, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    if ('children' in current) for (const child of current.children) stack.push([child, depth + 1])
  }
  return deepest
}

const WIDEST = 5000
const groupable = new Set(['body', 'main', 'article', 'section', 'div'])

/**
 * Regroups very long runs of siblings into `<div>`s of a few thousand: the
 * sanitizer and hast-util-to-mdast spread child lists into function calls,
 * which overflow the stack past about a hundred thousand. Divs are read as
 * plain flow, so the article comes out the same.
 */
export function narrowWideElements(node: Parents): void {
  const stack: Parents[] = [node]
  while (stack.length) {
    const current = stack.pop()!
    if (current.children.length > WIDEST && (current.type === 'root' || groupable.has(current.tagName))) {
      const groups: Element[] = []
      for (let start = 0; start < current.children.length; start += WIDEST) {
        groups.push({ type: 'element', tagName: 'div', properties: {}, children: current.children.slice(start, start + WIDEST) as Element['children'] })
      }
      current.children = groups
    }
    for (const child of current.children) if (child.type === 'element') stack.push(child)
  }
}
