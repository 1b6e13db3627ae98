import * as z from 'zod'
import { bodyBoundsProblem } from './body-bounds'
import { plainIssue } from '../ipc/plain-issue'

/** Tiptap's JSON for a ProseMirror node. */
export interface BodyNode {
  type: string
  attrs?: Record<string, unknown>
  content?: BodyNode[]
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  text?: string
}
export interface BodyDoc extends BodyNode {
  type: 'doc'
  content: BodyNode[]
}

const markSchema = z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() })
const nodeSchema: z.ZodType<BodyNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeSchema).optional(),
    marks: z.array(markSchema).optional(),
    text: z.string().optional()
  })
)
/**
 * Shape check for IPC and files; `toProseMirror` then checks it against the
 * real schema. The bounds come first, so a body nested thousands deep is
 * refused in plain words before anything recursive walks it.
 */
export const bodySchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = bodyBoundsProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: plainIssue })
  })
  .pipe(z.object({ type: z.literal('doc'), content: z.array(nodeSchema) })) as z.ZodType<BodyDoc>

export const emptyBody = (): BodyDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] })


/** A picture on its own line (`image`) or inside text or a link (`inlineImage`): both carry src, alt and title. */
export const isImageNode = (node: BodyNode): boolean => node.type === 'image' || node.type === 'inlineImage'

/** Visits every node depth-first. */
export function walkBody(node: BodyNode, visit: (node: BodyNode, parents: readonly BodyNode[]) => void, parents: BodyNode[] = []): void {
  visit(node, parents)
  if (!node.content) return
  parents.push(node)
  for (const child of node.content) walkBody(child, visit, parents)
  parents.pop()
}

const blockTypes = new Set(['paragraph', 'heading', 'faqQuestion', 'codeBlock', 'tableCell', 'tableHeader'])

/**
 * Hands `onBlock` the text of each text block, trimmed and not empty, in
 * order; it returns false to stop early (a lead needs only the first lines).
 */
function eachTextBlock(body: BodyNode, onBlock: (text: string) => boolean | void): void {
  let current = ''
  let stopped = false
  const flush = (): void => {
    const text = current.trim()
    current = ''
    if (text && !stopped && onBlock(text) === false) stopped = true
  }
  walkBody(body, (node) => {
    if (stopped) return
    if (blockTypes.has(node.type)) flush()
    if (node.type === 'text') current += node.text ?? ''
    else if (node.type === 'hardBreak') current += ' '
  })
  flush()
}

/**
 * Plain text of a body, one line per text block: for search, word counts and
 * diffs. With `atLeast`, only the first lines, enough to hold that many
 * characters once runs of white space are one space (a list row's lead).
 */
export function bodyText(body: BodyNode, atLeast = Infinity): string {
  const lines: string[] = []
  let length = 0
  eachTextBlock(body, (text) => {
    lines.push(text)
    if (atLeast === Infinity) return true
    length += text.replace(/\s+/g, ' ').length + 1
    return length < atLeast
  })
  return lines.join('\n')
}

const WORDS_PER_MINUTE = 238
const wordPattern = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

/** Words in `text`, counted without keeping them: a long body's words as one array cost hundreds of MB. */
export function countWords(text: string): number {
  let words = 0
  wordPattern.lastIndex = 0
  while (wordPattern.exec(text)) words++
  return words
}

/** Derived, never stored: counts words in every text block including FAQ questions and answers. */
export function bodyStats(body: BodyNode): { words: number; readingMinutes: number } {
  // Block by block: text blocks never share a word, and no string of the whole body is built.
  let words = 0
  eachTextBlock(body, (text) => void (words += countWords(text)))
  return statsOfWords(words)
}

/** The figures shown for a body of `words` words; text blocks never share a word, so a body's count is the sum of its blocks'. */
export function statsOfWords(words: number): { words: number; readingMinutes: number } {
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) }
}

