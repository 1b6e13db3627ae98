import type { BlockContent, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { append } from '../append'
import { oneLine, textOf } from '../text-of'
import { faqItem, faqNode, type ImportedFaq, type ImportedFaqItem } from './import-nodes'

/** "FAQ", "FAQs", "Frequently asked questions", "Netflix FAQs:"… */
const isFaqTitle = (text: string): boolean => {
  const line = oneLine(text)
  return line.length <= 80 && /\b(?:faqs?|f\.a\.q\.?s?|frequently asked questions)(?:\W|$)/i.test(line)
}

// "Q1: ", "Q. ", "Question 3 - ", "1. " before a question; "A: ", "A1. ", "Answer: " before an answer.
const questionPrefix = /^(?:q(?:uestion)?\s*\d*\s*[:.)–-]\s*|\d{1,2}[.)]\s+)/i
const answerPrefix = /^(?:a(?:nswer)?\s*\d*\s*[:.)–-]\s*)/i

const MAX_QUESTION_LENGTH = 300

const titleOf = (node: RootContent): string => oneLine(textOf(node)).replace(/\s*:$/, '')

/** An FAQ heading, or a line that is only "FAQs": text pasted from a web page loses its heading marks. */
const opensFaq = (node: RootContent | undefined): boolean =>
  (node?.type === 'heading' && isFaqTitle(textOf(node))) ||
  (node?.type === 'paragraph' && /^(?:faqs?|f\.a\.q\.?s?|frequently asked questions)\s*:?$/i.test(oneLine(textOf(node))))

/**
 * Turns FAQ sections into FAQ blocks: a heading named like "FAQs" followed by
 * questions (sub-headings, bold lines or lines ending with "?") and their
 * answers. Runs of FAQ blocks the readers found (`<details>`, FAQ markup) are
 * merged and take their title from an FAQ heading just before them.
 */
export function gatherFaqSections(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    if (node.type === 'importedFaq') {
      const merged = faqNode(node.title, [...node.children])
      while (merged.title === null && nodes[i + 1]?.type === 'importedFaq' && (nodes[i + 1] as ImportedFaq).title === null) {
        append(merged.children, (nodes[++i] as ImportedFaq).children)
      }
      if (merged.title === null && opensFaq(out.at(-1))) merged.title = titleOf(out.pop()!)
      out.push(merged)
      continue
    }
    if (opensFaq(node) && nodes[i + 1]?.type !== 'importedFaq') {
      // Under a title line, any heading ends the FAQ; under a heading, deeper headings are its questions.
      const section = readSection(node.type === 'heading' ? node.depth : 6, nodes, i + 1)
      if (section) {
        append(out, section.intro).push(faqNode(titleOf(node), section.items))
        i = section.end - 1
        continue
      }
    }
    out.push(node)
  }
  return out
}

interface Section {
  intro: RootContent[]
  items: ImportedFaqItem[]
  /** Index of the first node after the FAQ. */
  end: number
}

/**
 * Reads questions and answers after an FAQ title, up to the first thing that
 * cannot be part of an answer. Headings deeper than `depth` are questions;
 * the others end the FAQ.
 */
export function readSection(depth: number, nodes: readonly RootContent[], start: number): Section | null {
  const intro: RootContent[] = []
  const items: ImportedFaqItem[] = []
  let current: ImportedFaqItem | null = null
  let i = start
  for (; i < nodes.length; i++) {
    const node = nodes[i]!
    if (node.type === 'heading' && node.depth <= depth) break
    const question = questionOf(node, depth)
    if (question) {
      current = faqItem(question.text, question.answerStart)
      items.push(current)
    } else if (isAnswerPart(node)) {
      if (current) current.children.push(...stripAnswerPrefix(node, current.children.length === 0))
      else intro.push(node)
    } else break
  }
  return items.length ? { intro, items, end: i } : null
}

const isAnswerPart = (node: RootContent): node is BlockContent =>
  (node.type === 'paragraph' && !isImageOnly(node)) || node.type === 'list' || node.type === 'blockquote'

const isImageOnly = (node: Paragraph): boolean =>
  node.children.every((child) => child.type === 'image' || child.type === 'imageReference' || (child.type === 'text' && !child.value.trim()))

function questionOf(node: RootContent, depth: number): { text: string; answerStart: BlockContent[] } | null {
  if (node.type === 'heading') return node.depth > depth ? { text: cleanQuestion(textOf(node)), answerStart: [] } : null
  if (node.type !== 'paragraph') return null
  const children = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()))
  const first = children[0]
  // A bold (or italic) line on its own is a question, with or without "?".
  if (children.length === 1 && first && (first.type === 'strong' || first.type === 'emphasis')) {
    return { text: cleanQuestion(textOf(first)), answerStart: [] }
  }
  // "**How does it work?** It works like this." and "How does it work?⏎It works like this."
  const [line, rest] = firstLine(node.children)
  const text = oneLine(textOf({ type: 'paragraph', children: line }))
  const boldQuestion = first && (first.type === 'strong' || first.type === 'emphasis') && oneLine(textOf(first)).endsWith('?')
  if (boldQuestion) {
    const after = node.children.slice(node.children.indexOf(first) + 1)
    return { text: cleanQuestion(textOf(first)), answerStart: restParagraph(after) }
  }
  if (text.endsWith('?') && text.length <= MAX_QUESTION_LENGTH) return { text: cleanQuestion(text), answerStart: restParagraph(rest) }
  return null
}

/** Splits a paragraph's content at its first line break (soft or hard). */
function firstLine(children: readonly PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    if (child.type === 'break') return [children.slice(0, i), children.slice(i + 1)]
    if (child.type === 'text' && child.value.includes('\n')) {
      const cut = child.value.indexOf('\n')
      return [
        [...children.slice(0, i), { type: 'text', value: child.value.slice(0, cut) }],
        [{ type: 'text', value: child.value.slice(cut + 1) }, ...children.slice(i + 1)]
      ]
    }
  }
  return [[...children], []]
}

function restParagraph(children: PhrasingContent[]): BlockContent[] {
  const paragraph: Paragraph = { type: 'paragraph', children }
  return textOf(paragraph).trim() || children.some((child) => child.type === 'image') ? stripAnswerPrefix(paragraph, true) : []
}

const cleanQuestion = (text: string): string => oneLine(text).replace(questionPrefix, '')

/** "A: It works like this." loses its "A: " when it opens an answer. */
function stripAnswerPrefix(node: BlockContent, opensAnswer: boolean): BlockContent[] {
  if (!opensAnswer || node.type !== 'paragraph') return [node]
  const [first, ...others] = node.children
  if (first?.type !== 'text') return [node]
  const value = first.value.trimStart().replace(answerPrefix, '')
  return [{ ...node, children: value ? [{ ...first, value }, ...others] : others }]
}
