import type { BodyNode } from '../../shared/article/body'

/**
 * A word, a run of spaces or one punctuation sign, with the marks it carries
 * (bold, link, comment, suggestion…); or an inline node such as a line break.
 * Merging tokens rather than flat text keeps every word's marks.
 */
export interface Token {
  key: string
  node: BodyNode
}

const pieces = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu

export function inlineTokens(content: readonly BodyNode[] | undefined): Token[] {
  const tokens: Token[] = []
  for (const node of content ?? []) {
    if (node.type !== 'text' || !node.text) {
      tokens.push({ key: JSON.stringify(node), node })
      continue
    }
    const marks = JSON.stringify(node.marks ?? [])
    for (const piece of node.text.match(pieces) ?? []) {
      tokens.push({ key: `${marks}\u0000${piece}`, node: { ...node, text: piece } })
    }
  }
  return tokens
}

/** Inline content again: neighbouring pieces with the same marks become one text node. */
export function inlineContent(tokens: readonly Token[]): BodyNode[] {
  const content: BodyNode[] = []
  let lastMarks: string | null = null
  for (const { node } of tokens) {
    const marks = node.type === 'text' ? JSON.stringify(node.marks ?? []) : null
    const last = content.at(-1)
    if (marks !== null && marks === lastMarks && last) last.text = `${last.text ?? ''}${node.text ?? ''}`
    else content.push({ ...node })
    lastMarks = marks
  }
  return content
}
