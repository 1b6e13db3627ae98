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

/** Plain text of a body, one line per text block: for search, word counts and diffs. */
export function bodyText(body: BodyNode): string {
  const lines: string[] = []
  let current = ''
  const flush = (): void => {
    if (current.trim()) lines.push(current.trim())
    current = ''
  }
  walkBody(body, (node) => {
    if (blockTypes.has(node.type)) flush()
    if (node.type === 'text') current += node.text ?? ''
    else if (node.type === 'hardBreak') current += ' '
  })
  flush()
  return lines.join('\n')
}

const WORDS_PER_MINUTE = 238

/** Derived, never stored: counts words in every text block including FAQ questions and answers. */
export function bodyStats(body: BodyNode): { words: number; readingMinutes: number } {
  return statsOfWords(bodyText(body).match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0)
}

/** The figures shown for a body of `words` words; text blocks never share a word, so a body's count is the sum of its blocks'. */
export function statsOfWords(words: number): { words: number; readingMinutes: number } {
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) }
}

