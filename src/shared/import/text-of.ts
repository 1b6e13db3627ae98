interface TreeNode {
  type: string
  value?: unknown
  tagName?: string
  children?: readonly TreeNode[]
}

/** Elements whose text is not for reading (and would outweigh the article when pages are measured). */
const unreadElements = new Set(['script', 'style', 'noscript', 'template'])

/** The readable text of an mdast or hast node: text and inline code, not comments, raw HTML or scripts. */
export function textOf(node: TreeNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return typeof node.value === 'string' ? node.value : ''
  if (node.type === 'break' || node.tagName === 'br') return ' '
  if (!node.children || (node.tagName && unreadElements.has(node.tagName))) return ''
  let text = ''
  for (const child of node.children) text += textOf(child)
  return text
}

/** Titles, questions and meta values are one line of text. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

