/**
 * What an article body may hold: far above any real article (a long feature
 * is a few thousand nodes, rarely ten levels deep; a 10 MB Markdown import of
 * real prose stays under it), and low enough that the recursive code every body goes through (zod, ProseMirror, export) stays
 * fast and within the stack.
 */
export const BODY_MAX_DEPTH = 100
export const BODY_MAX_NODES = 600_000

/**
 * Why a body is past those bounds, in plain words, or null. Walks with a
 * stack, never recursion, and looks at nothing but `content` arrays, so it
 * runs before the shape is checked and on any value.
 */
export function bodyBoundsProblem(body: unknown): string | null {
  const stack: { node: unknown; depth: number }[] = [{ node: body, depth: 0 }]
  let nodes = 0
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    const content = typeof node === 'object' && node !== null ? (node as { content?: unknown }).content : undefined
    if (!Array.isArray(content) || content.length === 0) continue
    if (depth + 1 > BODY_MAX_DEPTH) {
      return `The article’s text is nested more than ${BODY_MAX_DEPTH} levels deep (lists or quotes inside each other), more than Copydesk can keep.`
    }
    nodes += content.length
    if (nodes > BODY_MAX_NODES) {
      return `The article’s text has more than ${BODY_MAX_NODES.toLocaleString('en')} parts (paragraphs, list items, words in different styles), more than Copydesk can keep; split it into several articles.`
    }
    for (const child of content as unknown[]) stack.push({ node: child, depth: depth + 1 })
  }
  return null
}
