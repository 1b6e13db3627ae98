import type { Element, ElementContent } from 'hast'
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast'
import type { RootContent } from 'mdast'
import { faqItem, faqNode, type ImportedFaqItem } from '../mdast/import-nodes'
import { oneLine, textOf } from '../text-of'
import { isElement, stringProperty } from './hast-tools'

/**
 * FAQ markup read straight into FAQ blocks: `<details><summary>` pairs, and
 * the FAQ sections Copydesk writes (`section.copydesk-faq` in HTML export,
 * `section[data-type="faq"]` from the editor). Headings followed by questions
 * are left to gatherFaqSections, like in Markdown.
 */
export const faqHandlers: Record<string, Handle> = {
  // Underline is a mark of its own in the article (Word writers use it), not emphasis as hast-util-to-mdast reads it.
  u: (state, element) => ({ type: 'underline', children: state.all(element) }) as unknown as RootContent,
  details(state, element) {
    const summary = element.children.find((child) => isElement(child, 'summary'))
    if (!summary) return defaultHandlers.div(state, element)
    const answer = element.children.filter((child) => child !== summary)
    return faqNode(null, [faqItem(oneLine(textOf(summary)), toBlocks(state, answer))])
  },
  section: (state, element) => faqSection(state, element) ?? defaultHandlers.section(state, element),
  div: (state, element) => faqSection(state, element) ?? defaultHandlers.div(state, element)
}

const marked = (element: Element, role: string): boolean =>
  stringProperty(element, 'dataType') === role || (stringProperty(element, 'className') ?? '').split(' ').includes(`copydesk-${role}`)

const isHeading = (node: ElementContent): node is Element => isElement(node, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')

function faqSection(state: State, element: Element) {
  if (!marked(element, 'faq')) return null
  const items: ImportedFaqItem[] = []
  for (const child of element.children) {
    if (!isElement(child) || !marked(child, 'faq-item')) continue
    const question = child.children.find((node) => isElement(node) && marked(node, 'faq-question')) ?? child.children.find(isHeading)
    const answer = child.children.find((node) => isElement(node) && marked(node, 'faq-answer'))
    const answerContent = answer && isElement(answer) ? answer.children : child.children.filter((node) => node !== question)
    items.push(faqItem(question ? oneLine(textOf(question)) : '', toBlocks(state, answerContent)))
  }
  if (!items.length) return null
  const heading = element.children.find(isHeading)
  return faqNode(heading ? oneLine(textOf(heading)) : stringProperty(element, 'title'), items)
}

function toBlocks(state: State, children: ElementContent[]): RootContent[] {
  const wrapper: Element = { type: 'element', tagName: 'div', properties: {}, children }
  return state.toFlow(state.all(wrapper))
}

