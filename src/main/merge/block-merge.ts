import { isDeepStrictEqual } from 'node:util'
import type { BodyNode } from '../../shared/article/body'
import { articleSchema as editorSchema } from '../../shared/schema/extensions'
import { followMoves, key, sideView, unionOf } from './block-sides'
import type { ConflictLog } from './conflicts'
import { inlineContent, inlineTokens } from './inline-tokens'
import { mergeSequences } from './sequence-merge'

const names: Record<string, string> = {
  paragraph: 'a paragraph',
  heading: 'a heading',
  blockquote: 'a quote',
  bulletList: 'a list',
  orderedList: 'a numbered list',
  listItem: 'a list item',
  codeBlock: 'a code block',
  image: 'an image',
  horizontalRule: 'a divider',
  table: 'a table',
  tableRow: 'a table row',
  tableCell: 'a table cell',
  tableHeader: 'a table cell',
  faq: 'an FAQ block',
  faqItem: 'an FAQ item',
  faqQuestion: 'an FAQ question',
  faqAnswer: 'an FAQ answer',
  promoSlot: 'a promo slot'
}
const nameOf = (node: BodyNode): string => names[node.type] ?? 'a block'
export interface BlockMergeContext {
  conflicts: ConflictLog
  /** Blocks one side deleted while the other edited them: the edit was kept. */
  editsOverDeletes: number
}

/**
 * Merges lists of sibling blocks (the body, or the blocks inside a list,
 * quote, table or FAQ) three ways. Edits to different blocks both land;
 * blocks inserted on either side are kept, deleted ones go; a block deleted on
 * one side and edited on the other keeps the edit; a block both sides edited
 * is merged inside (see mergeNode).
 */
export function mergeBlocks(base: readonly BodyNode[], ours: readonly BodyNode[], theirs: readonly BodyNode[], context: BlockMergeContext): BodyNode[] {
  const mine = sideView(base, ours)
  const other = sideView(base, theirs)
  followMoves(base, mine, other)
  const out: BodyNode[] = []
  base.forEach((block, i) => {
    out.push(...unionOf(mine.gaps[i]!, other.gaps[i]!))
    const a = mine.fates[i]!
    const b = other.fates[i]!
    if (a.kind === 'deleted' && b.kind === 'deleted') return
    if (a.kind === 'deleted' || b.kind === 'deleted') {
      const survivor = a.kind === 'edited' ? a.node : b.kind === 'edited' ? b.node : null
      if (survivor) {
        context.editsOverDeletes++
        out.push(survivor)
      }
      return
    }
    if (a.kind === 'same') out.push(b.kind === 'edited' ? b.node : block)
    else if (b.kind === 'same') out.push(a.node)
    else out.push(mergeNode(block, a.node, b.node, context))
  })
  out.push(...unionOf(mine.gaps[base.length]!, other.gaps[base.length]!))
  return out
}

/** Attributes three ways, key by key; a key both sides set differently is a conflict (ours is kept). */
function mergeAttrs(base: BodyNode['attrs'], ours: BodyNode['attrs'], theirs: BodyNode['attrs']): { attrs: BodyNode['attrs']; clash: boolean } {
  if (isDeepStrictEqual(ours, theirs) || isDeepStrictEqual(theirs, base)) return { attrs: ours, clash: false }
  if (isDeepStrictEqual(ours, base)) return { attrs: theirs, clash: false }
  const attrs: Record<string, unknown> = { ...ours }
  let clash = false
  for (const name of new Set([...Object.keys(ours ?? {}), ...Object.keys(theirs ?? {})])) {
    const [was, mine, other] = [base?.[name], ours?.[name], theirs?.[name]]
    if (isDeepStrictEqual(mine, other) || isDeepStrictEqual(other, was)) continue
    if (isDeepStrictEqual(mine, was)) {
      if (other === undefined) delete attrs[name]
      else attrs[name] = other
    } else clash = true
  }
  return { attrs, clash }
}

/**
 * One block both sides edited. Inside a paragraph, heading, FAQ question or
 * code block the words merge where the changed words do not overlap, each
 * keeping its marks; container blocks merge their children as blocks. Words
 * changed both ways, or an attribute set both ways, keep our version of that
 * spot and count as a conflict. A result the editor's schema would refuse
 * falls back to our block whole.
 */
function mergeNode(base: BodyNode, ours: BodyNode, theirs: BodyNode, context: BlockMergeContext): BodyNode {
  if (key(ours) === key(theirs)) return ours
  const attrs = mergeAttrs(base.attrs, ours.attrs, theirs.attrs)
  const merged: BodyNode = { ...ours }
  if (attrs.attrs) merged.attrs = attrs.attrs
  let clash = attrs.clash
  const type = editorSchema.nodes[ours.type]
  if (type?.isTextblock) {
    const regions = mergeSequences(inlineTokens(base.content), inlineTokens(ours.content), inlineTokens(theirs.content), (t) => t.key)
    clash ||= regions.some((r) => r.kind === 'conflict')
    const content = inlineContent(regions.flatMap((r) => (r.kind === 'ok' ? r.items : r.ours)))
    if (content.length > 0) merged.content = content
    else delete merged.content
  } else if (ours.content || theirs.content) {
    merged.content = mergeBlocks(base.content ?? [], ours.content ?? [], theirs.content ?? [], context)
  }
  if (clash) context.conflicts.add(nameOf(ours))
  if (!fitsSchema(merged)) {
    context.conflicts.add(nameOf(ours))
    return ours
  }
  return merged
}

function fitsSchema(node: BodyNode): boolean {
  try {
    editorSchema.nodeFromJSON(node).check()
    return true
  } catch {
    return false
  }
}
