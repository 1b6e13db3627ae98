import type { PhrasingContent } from 'mdast'
import type { BodyNode } from '../../article/body'
import { isSafeLinkUrl } from '../../article/urls'

type Mark = NonNullable<BodyNode['marks']>[number]
type Wrapper = Extract<PhrasingContent, { children: PhrasingContent[] }>

/** Outermost first: a link wraps its bold text, never the other way round. */
const markOrder = ['link', 'bold', 'italic', 'strike', 'underline']
/** Marks whose delimiters must touch non-space text to count in Markdown. */
const attentionMarks = new Set(['bold', 'italic', 'strike', 'underline'])

export interface InlineEnv {
  /** Called for each link whose target could run code; its text is kept without the link. */
  unsafeLink(href: string): void
}

const attrString = (mark: Mark, name: string): string | null => {
  const value = mark.attrs?.[name]
  return typeof value === 'string' && value !== '' ? value : null
}

function wrapperMarks(node: BodyNode, env: InlineEnv): Mark[] {
  const marks = (node.marks ?? []).filter((mark) => {
    if (mark.type !== 'link') return markOrder.includes(mark.type)
    const href = attrString(mark, 'href')
    if (href !== null && isSafeLinkUrl(href)) return true
    env.unsafeLink(href ?? '')
    return false
  })
  return marks.sort((a, b) => markOrder.indexOf(a.type) - markOrder.indexOf(b.type))
}

const markKey = (mark: Mark): string => (mark.type === 'link' ? `link ${attrString(mark, 'href')} ${attrString(mark, 'title')}` : mark.type)

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

function leaf(node: BodyNode): PhrasingContent | null {
  if (node.type === 'hardBreak') return { type: 'break' }
  if (node.type !== 'text' || !node.text) return null
  if (node.marks?.some((mark) => mark.type === 'code')) return { type: 'inlineCode', value: node.text }
  return { type: 'text', value: node.text }
}

/**
 * Markdown ignores `** bold **` (delimiters next to spaces), so spaces at the
 * edges of bold, italic, struck or underlined text move outside the mark,
 * where they read the same in both outputs.
 */
function expelEdgeSpaces(nodes: readonly BodyNode[]): BodyNode[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'text' || !node.text || !node.marks?.some((mark) => attentionMarks.has(mark.type))) return [node]
    if (node.marks.some((mark) => mark.type === 'code')) return [node]
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text)!
    const [, lead, core, trail] = match as unknown as [string, string, string, string]
    if (core === '') return [{ type: 'text', text: node.text }]
    const plainMarks = node.marks.filter((mark) => !attentionMarks.has(mark.type))
    const edge = (text: string): BodyNode[] => (text ? [{ type: 'text', text, marks: plainMarks }] : [])
    return [...edge(lead), { ...node, text: core }, ...edge(trail)]
  })
}

/**
 * Tiptap keeps marks as flat lists on each text node; mdast nests them. A
 * mark stays open across neighbours that share it, so `**a *b***` is one
 * strong element rather than two touching ones.
 */
export function inlineToMdast(nodes: readonly BodyNode[], env: InlineEnv): PhrasingContent[] {
  const root: PhrasingContent[] = []
  const open: { key: string; children: PhrasingContent[] }[] = []
  for (const node of expelEdgeSpaces(nodes)) {
    const content = leaf(node)
    if (!content) continue
    const marks = wrapperMarks(node, env)
    const keys = new Set(marks.map(markKey))
    let kept = 0
    while (kept < open.length && keys.has(open[kept]!.key)) kept++
    open.length = kept
    for (const mark of marks) {
      const key = markKey(mark)
      if (open.some((entry) => entry.key === key)) continue
      const element = wrapper(mark)
      ;(open.at(-1)?.children ?? root).push(element)
      open.push({ key, children: element.children })
    }
    ;(open.at(-1)?.children ?? root).push(content)
  }
  return root
}
