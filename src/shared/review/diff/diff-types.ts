/** A piece of text in a diff: unchanged, added or removed. */
export interface Run {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** One line of a section, e.g. an FAQ item's question and its answer. */
export interface DiffLine {
  label?: string
  runs: Run[]
}

export type SectionKind =
  | 'field'
  | 'paragraph'
  | 'heading'
  | 'quote'
  | 'list'
  | 'code'
  | 'table'
  | 'image'
  | 'rule'
  | 'faq'
  | 'faq-item'
  | 'promo'

/**
 * One change, ready to show without knowing anything about article JSON: a
 * label, a plain sentence, and lines of runs to colour.
 */
export interface DiffSection {
  kind: SectionKind
  change: 'added' | 'removed' | 'changed' | 'moved'
  /** What changed: "Title", "Paragraph", "FAQ question", "Promo slot"… */
  label: string
  /** One plain sentence, e.g. "3 words added, 1 removed." */
  summary: string
  lines: DiffLine[]
  /** For metadata sections, the article field. */
  field?: string
}

export interface ArticleDiff {
  identical: boolean
  /** Words added and removed in the body. */
  wordsAdded: number
  wordsRemoved: number
  /** Metadata first, then the body in reading order. */
  sections: DiffSection[]
}

/** Names for ids the article only references. */
export interface DiffNames {
  promoName?: (id: string) => string | undefined
  articleTitle?: (id: string) => string | undefined
}
