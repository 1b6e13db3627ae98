import { Node, mergeAttributes } from '@tiptap/core'

/**
 * An FAQ block: a heading (default "FAQs") and question/answer items. Node
 * names are part of the article file format (docs/article-format.md) and must
 * not change. Several FAQ blocks may appear in one article.
 */
export const Faq = Node.create({
  name: 'faq',
  group: 'block',
  content: 'faqItem+',
  defining: true,
  isolating: true,
  draggable: true,
  addAttributes() {
    return { title: { default: 'FAQs' } }
  },
  parseHTML: () => [{ tag: 'section[data-type="faq"]' }],
  renderHTML: ({ HTMLAttributes }) => ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'faq' }), 0]
})

export const FaqItem = Node.create({
  name: 'faqItem',
  content: 'faqQuestion faqAnswer',
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: 'div[data-type="faq-item"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'faq-item' }), 0]
})

/** One line of plain text: it becomes the FAQPage Question.name. */
export const FaqQuestion = Node.create({
  name: 'faqQuestion',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="faq-question"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'faq-question' }), 0]
})

/** A rich answer: paragraphs and lists. */
export const FaqAnswer = Node.create({
  name: 'faqAnswer',
  content: '(paragraph | bulletList | orderedList)+',
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="faq-answer"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'faq-answer' }), 0]
})

export const faqNodes = [Faq, FaqItem, FaqQuestion, FaqAnswer]
