import type { PhrasingContent } from 'mdast'
import type { BodyNode } from '../../article/body'
import { isSafeLinkUrl } from '../../article/urls'

type Mark = NonNullable<BodyNode['marks']>[number]
type Wrapper = Extract<PhrasingContent, { children: PhrasingContent[] }>

/**
 * Outermost first among marks that start and end together: a link wraps its
 * text, and italic wraps bold, as CommonMark reads `***a***` (Jekyll's
 * dialect turns it round for kramdown, see `kramdownSyntax`).
 */
const markOrder = ['link', 'italic', 'bold', 'strike', 'underline']
/** Bold or italic again inside itself: one more `bold` or `italic` wrapper per level past the first. */
const nestedMarks: Record<string, string> = { nestedBold: 'bold', nestedItalic: 'italic' }
/** Marks whose delimiters must touch non-space text to count in Markdown. */
const attentionMarks = new Set(['bold', 'italic', 'strike', 'underline', 'nestedBold', 'nestedItalic'])

export interface InlineEnv {
  /** Called for each link whose target could run code; its text is kept without the link. */
  unsafeLink(href: string): void
  /** An image in the text as it is exported, or null when it is left out. */
  image(node: BodyNode): PhrasingContent | null
}

const attrString = (mark: Mark, name: string): string | null => {
  const value = mark.attrs?.[name]
  return typeof value === 'string' && value !== '' ? value : null
}

const levelOf = (mark: Mark): number => (typeof mark.attrs?.['level'] === 'number' ? mark.attrs['level'] : 1)

function wrapperMarks(node: BodyNode, env: InlineEnv): Mark[] {
  const marks = (node.marks ?? []).flatMap((mark): Mark[] => {
    const repeated = nestedMarks[mark.type]
    if (repeated) {
      const depth = Math.min(Number(mark.attrs?.['depth']) || 2, 3)
      return Array.from({ length: depth - 1 }, (_, index) => ({ type: repeated, attrs: { level: index + 2 } }))
    }
    if (mark.type !== 'link') return markOrder.includes(mark.type) ? [mark] : []
    const href = attrString(mark, 'href')
    if (href !== null && isSafeLinkUrl(href)) return [mark]
    env.unsafeLink(href ?? '')
    return []
  })
  return marks.sort((a, b) => markOrder.indexOf(a.type) - markOrder.indexOf(b.type) || levelOf(a) - levelOf(b))
}

const markKey = (mark: Mark): string =>
  mark.type === 'link' ? `link ${attrString(mark, 'href')} ${attrString(mark, 'title')}` : levelOf(mark) > 1 ? `${mark.type} ${levelOf(mark)}` : mark.type

function wrapper(mark: Mark): Wrapper {
  switch (mark.type) {
    case 'link':
      return { type: 'link', url: attrString(mark, 'href') ?? '', title: attrString(mark, 'title'), children: [] }
    case 'bold':
      return { type: 'strong', children: [] }
    case 'italic':
      return { type: 'emphasis', children: [] }
    case 'strike':
      return { type: 'delete', children: [] }
    default:
      return { type: 'underline', children: [] }
  }
}

function leaf(node: BodyNode, env: InlineEnv): PhrasingContent | null {
  if (node.type === 'hardBreak') return { type: 'break' }
  if (node.type === 'inlineImage') return env.image(node)
  if (node.type !== 'text' || !node.text) return null
  if (node.marks?.some((mark) => mark.type === 'code')) return { type: 'inlineCode', value: node.text }
  return { type: 'text', value: node.text }
}

const attention = (marks: readonly Mark[] | undefined): Set<string> =>
  new Set((marks ?? []).filter((mark) => attentionMarks.has(mark.type)).map((mark) => mark.type))

/**
 * Markdown ignores `** bold **` (delimiters next to spaces), so spaces where a
 * bold, italic, struck or underlined run starts or ends move outside that
 * mark, where they read the same in both outputs. A space inside a run (the
 * mark continues on the neighbour) stays where it is: moving it out would
 * split `**a *b* c**` in three.
 */
function expelEdgeSpaces(nodes: readonly BodyNode[]): BodyNode[] {
  const leaves = nodes.filter((node) => node.type !== 'text' || node.text)
  return leaves.flatMap((node, index) => {
    if (node.type !== 'text' || !node.marks?.some((mark) => attentionMarks.has(mark.type))) return [node]
    if (node.marks.some((mark) => mark.type === 'code')) return [node]
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text!)!
    const [, lead, core, trail] = match as unknown as [string, string, string, string]
    const before = attention(leaves[index - 1]?.marks)
    const after = attention(leaves[index + 1]?.marks)
    // Whitespace alone keeps the marks it shares with both neighbours.
    if (core === '') return [{ ...node, marks: node.marks.filter((mark) => !attentionMarks.has(mark.type) || (before.has(mark.type) && after.has(mark.type))) }]
    const edge = (text: string, neighbour: Set<string>): BodyNode[] =>
      text ? [{ type: 'text', text, marks: node.marks!.filter((mark) => !attentionMarks.has(mark.type) || neighbour.has(mark.type)) }] : []
    return [...edge(lead, before), { ...node, text: core }, ...edge(trail, after)]
  })
}

/** A hard break carries the marks on both sides of it, so `*a\\\nb*` stays one emphasis. */
function marksAcrossBreaks(leaves: readonly BodyNode[]): BodyNode[] {
  return leaves.map((node, index) => {
    if (node.type !== 'hardBreak') return node
    const after = new Set((leaves[index + 1]?.marks ?? []).map((mark) => JSON.stringify(mark)))
    const shared = (leaves[index - 1]?.marks ?? []).filter((mark) => mark.type !== 'code' && after.has(JSON.stringify(mark)))
    return shared.length ? { ...node, marks: shared } : node
  })
}

const isPlainText = (node: BodyNode): boolean => node.type === 'text' && !node.marks?.length

/**
 * Text without marks, the most common content of a block, as the general
 * path below writes it (empty text left out) without its dozen arrays and
 * sets per block: a render thread spends about a tenth of its time
 * collecting garbage, and a first export is bound by those threads.
 */
function plainText(nodes: readonly BodyNode[]): PhrasingContent[] {
  const texts: PhrasingContent[] = []
  for (const node of nodes) if (node.text) texts.push({ type: 'text', value: node.text })
  return texts
}

/**
 * Tiptap keeps marks as flat lists on each text node; mdast nests them. A
 * mark stays open across neighbours that share it, and of the marks opening
 * together the one that runs furthest goes outside, so `*a **b** c*` is one
 * emphasis holding a strong rather than three pieces.
 */
export function inlineToMdast(nodes: readonly BodyNode[], env: InlineEnv): PhrasingContent[] {
  if (nodes.every(isPlainText)) return plainText(nodes)
  const leaves = marksAcrossBreaks(expelEdgeSpaces(nodes))
  const marksOf = leaves.map((node) => wrapperMarks(node, env))
  const keysOf = marksOf.map((marks) => new Set(marks.map(markKey)))
  const runLength = (key: string, from: number): number => {
    let end = from
    while (end < leaves.length && keysOf[end]!.has(key)) end++
    return end - from
  }
  const root: PhrasingContent[] = []
  const open: { key: string; children: PhrasingContent[] }[] = []
  leaves.forEach((node, index) => {
    const content = leaf(node, env)
    if (!content) return
    const keys = keysOf[index]!
    let kept = 0
    while (kept < open.length && keys.has(open[kept]!.key)) kept++
    open.length = kept
    const opening = marksOf[index]!
      .filter((mark) => !open.some((entry) => entry.key === markKey(mark)))
      .map((mark, order) => ({ mark, order, length: runLength(markKey(mark), index) }))
      .sort((a, b) => b.length - a.length || a.order - b.order)
    for (const { mark } of opening) {
      const element = wrapper(mark)
      ;(open.at(-1)?.children ?? root).push(element)
      open.push({ key: markKey(mark), children: element.children })
    }
    ;(open.at(-1)?.children ?? root).push(content)
  })
  return root
}
