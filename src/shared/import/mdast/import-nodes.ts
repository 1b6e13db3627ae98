import type { Node, Parent, RootContent } from 'mdast'

/**
 * Blocks that Markdown and HTML have no syntax for, placed in the mdast tree
 * by the readers (FAQ sections, `<details>`, shortcodes, FAQPage data) so the
 * one mdast → body converter turns them into Copydesk nodes.
 */
export interface ImportedFaq extends Parent {
  type: 'importedFaq'
  /** Null until a heading before it ("FAQs") gives it one. */
  title: string | null
  children: ImportedFaqItem[]
}

export interface ImportedFaqItem extends Parent {
  type: 'importedFaqItem'
  question: string
  /** Paragraphs and lists; the converter fits anything else into them. */
  children: RootContent[]
}

export interface ImportedPromo extends Node {
  type: 'importedPromo'
  promoId: string
}

declare module 'mdast' {
  interface RootContentMap {
    importedFaq: ImportedFaq
    importedFaqItem: ImportedFaqItem
    importedPromo: ImportedPromo
  }
  interface BlockContentMap {
    importedFaq: ImportedFaq
    importedPromo: ImportedPromo
  }
}

export const faqNode = (title: string | null, children: ImportedFaqItem[]): ImportedFaq => ({ type: 'importedFaq', title, children })
export const faqItem = (question: string, children: RootContent[]): ImportedFaqItem => ({ type: 'importedFaqItem', question, children })
