import type { RootContent } from 'mdast'

type Code = Extract<RootContent, { type: 'code' | 'inlineCode' }>
export type Parent = { children: RootContent[] }

/**
 * The tree with each node `replace` answers for replaced by its answer, and
 * the others' children mapped. The tree given is never changed: a node whose
 * subtree nothing replaced is kept as it is rather than copied, as most trees
 * hold no node to replace and copying every node of each article and FAQ
 * answer added to what its render thread collects as garbage.
 */
export function mapNodes<T extends Parent>(tree: T, replace: (node: RootContent) => RootContent[] | undefined): T {
  let children: RootContent[] | null = null
  for (let index = 0; index < tree.children.length; index++) {
    const child = tree.children[index]!
    const replaced = replace(child)
    const mapped = replaced?.length === 1 ? replaced[0]! : (replaced ?? ('children' in child ? mapNodes(child as RootContent & Parent, replace) : child))
    if (!children && mapped === child) continue
    children ??= tree.children.slice(0, index)
    if (Array.isArray(mapped)) children.push(...mapped)
    else children.push(mapped)
  }
  return children ? { ...tree, children } : tree
}

/** The tree with each code node replaced by what `replace` returns. */
export const mapCode = <T extends Parent>(tree: T, replace: (node: Code) => RootContent[]): T =>
  mapNodes(tree, (node) => (node.type === 'code' || node.type === 'inlineCode' ? replace(node) : undefined))

/** Markdown written as it is, in a tree the Markdown writer escapes. */
export const raw = (value: string): RootContent => ({ type: 'html', value })
