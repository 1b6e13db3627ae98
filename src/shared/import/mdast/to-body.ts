import type { Code, Definition, List, Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast'
import type { BodyDoc, BodyNode } from '../../article/body'
import { append } from '../append'
import type { ImportContext } from '../import-context'
import { oneLine } from '../text-of'
import type { ImportedFaq } from './import-nodes'
import { inlineToBody, type ConvertEnv } from './inline-to-body'

interface BlockEnv extends ConvertEnv {
  /** Added to every heading depth: 1 when the body uses H1, which the title owns. */
  headingShift: number
}

const MAX_DEPTH = 100

const phrasingTypes = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference'
])

const paragraph = (content: BodyNode[] = []): BodyNode => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' })

/**
 * The one converter from mdast to the article body, used by every format:
 * Markdown directly, HTML through hast-util-to-mdast. It only ever emits the
 * nodes of src/shared/schema/extensions.ts, so whatever the input held
 * (scripts, forms, unknown elements) cannot reach the body as anything but text.
 */
export function mdastToBody(root: Root, ctx: ImportContext): BodyDoc {
  checkDepth(root, ctx)
  const env: BlockEnv = { ctx, definitions: definitionsOf(root), headingShift: headingShift(root, ctx) }
  const content = flow(root.children, env)
  return { type: 'doc', content: content.length ? content : [paragraph()] }
}

/** Refuses pathological nesting up front, so the recursive walks below stay within the stack. */
export function checkDepth(root: Root, ctx: ImportContext): void {
  const stack: [Nodes, number][] = [[root, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (depth > MAX_DEPTH) ctx.fail(`the document is nested more than ${MAX_DEPTH} levels deep (quotes, lists or formatting inside each other).`)
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1])
  }
}

function definitionsOf(root: Root): Map<string, Definition> {
  const found = new Map<string, Definition>()
  const visit = (node: Nodes): void => {
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(root)
  return found
}

function headingShift(root: Root, ctx: ImportContext): number {
  let hasH1 = false
  let deepest = 0
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') {
      hasH1 ||= node.depth === 1
      deepest = Math.max(deepest, node.depth)
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(root)
  const shift = hasH1 ? 1 : 0
  if (hasH1) ctx.warn('Headings were moved down one level (H1 became H2, H2 became H3…): the article title is the only H1.')
  if (hasH1 && deepest === 6) ctx.warn('H6 headings stayed H6 (there is no H7), so they now read at the same level as the H5s above them.')
  return shift
}

function flow(nodes: readonly RootContent[], env: BlockEnv): BodyNode[] {
  const out: BodyNode[] = []
  let phrasing: PhrasingContent[] = []
  const flushPhrasing = (): void => {
    if (phrasing.length) append(out, textBlock(inlineToBody(phrasing, env)))
    phrasing = []
  }
  for (const node of nodes) {
    if (phrasingTypes.has(node.type)) {
      phrasing.push(node as PhrasingContent)
      continue
    }
    flushPhrasing()
    append(out, block(node, env))
  }
  flushPhrasing()
  return out
}

function block(node: RootContent, env: BlockEnv): BodyNode[] {
  switch (node.type) {
    case 'paragraph':
      return textBlock(inlineToBody(node.children, env))
    case 'heading': {
      const content = trimInline(inlineToBody(node.children, env))
      const level = Math.min(6, node.depth + env.headingShift)
      return [content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } }]
    }
    case 'thematicBreak':
      return [{ type: 'horizontalRule' }]
    case 'blockquote':
      return [{ type: 'blockquote', content: orEmptyParagraph(flow(node.children, env)) }]
    case 'list':
      return [list(node, env)]
    case 'code':
      return [codeBlock(node)]
    case 'table':
      return [table(node, env)]
    case 'importedFaq':
      return faq(node, env)
    case 'importedPromo':
      return [{ type: 'promoSlot', attrs: { promoId: node.promoId } }]
    case 'footnoteDefinition': {
      const content = flow(node.children, env)
      const label: BodyNode = { type: 'text', text: `[${node.label ?? node.identifier}] ` }
      const first = content[0]
      if (first?.type === 'paragraph') first.content = [label, ...(first.content ?? [])]
      else content.unshift(paragraph([label]))
      return content
    }
    case 'definition':
    case 'html':
    case 'yaml':
      return []
    default:
      return 'children' in node ? flow((node as Parent).children, env) : []
  }
}

function list(node: List, env: BlockEnv): BodyNode {
  const items = node.children.map((item): BodyNode => {
    const content = flow(item.children, env)
    if (content[0]?.type !== 'paragraph') content.unshift(paragraph())
    // No task lists in the schema: keep the tick as a character rather than lose it.
    if (typeof item.checked === 'boolean') {
      const first = content[0]!
      first.content = [{ type: 'text', text: item.checked ? '☑ ' : '☐ ' }, ...(first.content ?? [])]
    }
    return { type: 'listItem', content }
  })
  // Loose as CommonMark reads it: a blank line between items, or between the blocks of one.
  const loose = node.spread === true || node.children.some((item) => item.spread === true)
  return node.ordered
    ? { type: 'orderedList', attrs: { start: node.start ?? 1, loose }, content: items }
    : { type: 'bulletList', attrs: { loose }, content: items }
}

function codeBlock(node: Code): BodyNode {
  // The info string's first word as written ("ruby", "C#", "föö"); only characters a fence or a class could not hold are refused.
  const language = node.lang && /^[^\s`"'<>&]{1,40}$/u.test(node.lang) ? node.lang : null
  return node.value ? { type: 'codeBlock', attrs: { language }, content: [{ type: 'text', text: node.value }] } : { type: 'codeBlock', attrs: { language } }
}

function table(node: Table, env: BlockEnv): BodyNode {
  const width = node.children.reduce((widest, row) => Math.max(widest, row.children.length), 0)
  const rows = node.children.map((row, rowIndex): BodyNode => {
    const cells: BodyNode[] = []
    for (let column = 0; column < width; column++) {
      const cell = row.children[column]
      cells.push({
        type: rowIndex === 0 ? 'tableHeader' : 'tableCell',
        attrs: { align: node.align?.[column] ?? null },
        content: orEmptyParagraph(cell ? textBlock(inlineToBody(cell.children, env)) : [])
      })
    }
    return { type: 'tableRow', content: cells }
  })
  return { type: 'table', content: rows }
}

function faq(node: ImportedFaq, env: BlockEnv): BodyNode[] {
  const items = node.children.map((item): BodyNode => {
    const question = oneLine(item.question)
    const answer = fitAnswer(flow(item.children, env), question, env)
    if (!answer.length) env.ctx.warn(`The FAQ question “${question}” has no answer.`)
    return {
      type: 'faqItem',
      content: [
        question ? { type: 'faqQuestion', content: [{ type: 'text', text: question }] } : { type: 'faqQuestion' },
        { type: 'faqAnswer', content: orEmptyParagraph(answer) }
      ]
    }
  })
  return items.length ? [{ type: 'faq', attrs: { title: oneLine(node.title ?? '') || 'FAQs' }, content: items }] : []
}

/** An FAQ answer holds paragraphs and lists: quotes are unwrapped, headings and code become paragraphs. */
function fitAnswer(nodes: BodyNode[], question: string, env: BlockEnv): BodyNode[] {
  return nodes.flatMap((node): BodyNode[] => {
    switch (node.type) {
      case 'paragraph':
      case 'bulletList':
      case 'orderedList':
        return [node]
      case 'blockquote':
        return fitAnswer(node.content ?? [], question, env)
      case 'heading':
        return [paragraph(node.content)]
      case 'codeBlock': {
        const lines = (node.content?.[0]?.text ?? '').split('\n')
        const code = [{ type: 'code' }]
        return [paragraph(lines.flatMap((line, i): BodyNode[] => [...(i ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line, marks: code }] : [])]))]
      }
      default:
        env.ctx.warn(`An FAQ answer holds only text and lists: ${describe(node.type)} was left out of the answer to “${question}”.`)
        return []
    }
  })
}

const describe = (type: string): string =>
  ({ image: 'an image', table: 'a table', horizontalRule: 'a divider', faq: 'a nested FAQ', promoSlot: 'a promo' })[type] ?? `a ${type} block`

/**
 * A paragraph, or a block image when the paragraph is one unlinked image
 * alone (the editor shows those as figures with their alt text); empty
 * paragraphs are dropped.
 */
function textBlock(inline: BodyNode[]): BodyNode[] {
  const content = trimInline(inline)
  const only = content.length === 1 ? content[0]! : undefined
  if (only?.type === 'inlineImage' && !only.marks?.length) return [{ type: 'image', attrs: only.attrs }]
  return content.length ? [paragraph(content)] : []
}

/** Drops whitespace and line breaks at the edges of a text block; spaces inside code are content and stay. */
function trimInline(nodes: BodyNode[]): BodyNode[] {
  const isCode = (node: BodyNode): boolean => node.marks?.some((mark) => mark.type === 'code') ?? false
  const blank = (node: BodyNode | undefined): boolean => !!node && (node.type === 'hardBreak' || (node.text?.trim() === '' && !isCode(node)))
  const content = [...nodes]
  while (blank(content[0])) content.shift()
  while (blank(content.at(-1))) content.pop()
  const first = content[0]
  if (first?.text && !isCode(first)) content[0] = { ...first, text: first.text.trimStart() }
  const last = content.at(-1)
  if (last?.text && !isCode(last)) content[content.length - 1] = { ...last, text: last.text.trimEnd() }
  return content
}

const orEmptyParagraph = (content: BodyNode[]): BodyNode[] => (content.length ? content : [paragraph()])
