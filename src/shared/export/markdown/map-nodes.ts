import type { RootContent } from 'mdast'

type Code = Extract<RootContent, { type: 'code' | 'inlineCode' }>
export type Parent = { children: RootContent[] }

/** A copy of the tree with each node `replace` answers for replaced by its answer, and the others' children mapped. */
export function mapNodes<T extends Parent>(tree: T, replace: (node: RootContent) => RootContent[] | undefined): T {
  const children = tree.children.flatMap((child): RootContent[] => {
    const replaced = replace(child)
    if (replaced) return replaced
    return 'children' in child ? [mapNodes(child as RootContent & Parent, replace)] : [child]
  })
  return { ...tree, children }
}

/** A copy of the tree with each code node replaced by what `replace` returns. */
export const mapCode = <T extends Parent>(tree: T, replace: (node: Code) => RootContent[]): T =>
  mapNodes(tree, (node) => (node.type === 'code' || node.type === 'inlineCode' ? replace(node) : undefined))

/** Markdown written as it is, in a tree the Markdown writer escapes. */
export const raw = (value: string): RootContent => ({ type: 'html', value })
