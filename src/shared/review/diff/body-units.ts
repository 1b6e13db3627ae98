import { bodyText, type BodyNode } from '../../article/body'
import type { DiffNames, SectionKind } from './diff-types'

/** One thing a reader sees as a unit: a block, an FAQ item, a promo slot. */
export interface BodyUnit {
  kind: Exclude<SectionKind, 'field'>
  label: string
  /** Equal fingerprints mean nothing about the unit changed, formatting included. */
  fingerprint: string
  lines: { label?: string; text: string }[]
  /** For FAQ items, their number within their FAQ (1-based). */
  ordinal?: number
}

const blockKinds: Record<string, [BodyUnit['kind'], string]> = {
  paragraph: ['paragraph', 'Paragraph'],
  heading: ['heading', 'Heading'],
  blockquote: ['quote', 'Quote'],
  bulletList: ['list', 'List'],
  orderedList: ['list', 'Numbered list'],
  codeBlock: ['code', 'Code'],
  table: ['table', 'Table'],
  horizontalRule: ['rule', 'Divider']
}

const attr = (node: BodyNode, name: string): string => {
  const value = node.attrs?.[name]
  return typeof value === 'string' ? value : ''
}

/** The body as a list of units, FAQ blocks opened up into their items, in reading order. */
export function bodyUnits(body: BodyNode, names: DiffNames): BodyUnit[] {
  const units: BodyUnit[] = []
  for (const node of body.content ?? []) {
    if (node.type === 'faq') {
      const title = attr(node, 'title')
      units.push({ kind: 'faq', label: 'FAQ block', fingerprint: `faq:${title}`, lines: [{ label: 'Heading', text: title }] })
      ;(node.content ?? []).forEach((item, index) => units.push(faqItemUnit(item, index + 1)))
    } else if (node.type === 'promoSlot') {
      const id = attr(node, 'promoId')
      const name = id ? (names.promoName?.(id) ?? `promo ${id}`) : 'no promo chosen'
      units.push({ kind: 'promo', label: 'Promo slot', fingerprint: `promo:${id}`, lines: [{ text: name }] })
    } else if (node.type === 'image') {
      units.push({
        kind: 'image',
        label: 'Image',
        fingerprint: JSON.stringify(node),
        lines: [{ label: 'File', text: attr(node, 'src') }, { label: 'Alt text', text: attr(node, 'alt') }]
      })
    } else if (node.type === 'paragraph' && !node.content?.length) {
      // Empty paragraphs are spacing the editor keeps after a closing block; a reader sees no change.
      continue
    } else {
      const [kind, label] = blockKinds[node.type] ?? ['paragraph', 'Block']
      units.push({ kind, label, fingerprint: JSON.stringify(node), lines: [{ text: bodyText(node) }] })
    }
  }
  return units
}

function faqItemUnit(item: BodyNode, ordinal: number): BodyUnit {
  const [question, answer] = item.content ?? []
  return {
    kind: 'faq-item',
    label: 'FAQ question',
    ordinal,
    fingerprint: JSON.stringify(item),
    lines: [
      { label: 'Question', text: question ? bodyText(question) : '' },
      { label: 'Answer', text: answer ? bodyText(answer) : '' }
    ]
  }
}
