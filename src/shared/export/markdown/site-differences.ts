import type { List, Nodes, Parent, Root, RootContent } from 'mdast'
import type { ExportWarningKind } from '../types'

type Warn = (kind: ExportWarningKind, message: string) => void

/** A construct a site generator's Markdown reader shows unlike CommonMark, and what the writer is told when an article holds it. */
interface Difference {
  holds(node: Nodes, parent: Parent | undefined, index: number): boolean
  message: string
}

const isTight = (parent: Parent | undefined, item: Nodes): boolean =>
  item.type === 'listItem' && item.spread !== true && (parent as List | undefined)?.spread !== true
const textOf = (node: Nodes): string => ('value' in node ? node.value : 'children' in node ? node.children.map(textOf).join('') : '')

/**
 * What kramdown (Jekyll) reads differently from CommonMark and cannot be
 * written its way: the CommonMark corpus on Jekyll
 * (tests/shared/export/commonmark-spec.test.ts) lists each.
 */
const kramdown: Difference[] = [
  {
    holds: (node) => node.type === 'code' && node.value === '',
    message: 'An empty code block shows one empty line on Jekyll: kramdown has no empty code block.'
  },
  {
    holds: (node) => node.type === 'inlineCode' && (node.value.startsWith(' ') || node.value.includes('``')),
    message: 'Code that starts with a space, or holds two backticks in a row, shows on Jekyll as text with its backticks: kramdown reads such code differently.'
  },
  {
    holds: (node) => node.type === 'listItem' && node.children.length === 0,
    message: 'An empty list item shows on Jekyll as a paragraph, or underlines the line above as a heading: kramdown has no empty list item.'
  },
  {
    holds: (node) => node.type === 'heading' && textOf(node).trim() === '',
    message: 'An empty heading shows on Jekyll as a paragraph of # marks: kramdown has no empty heading.'
  },
  {
    holds: (node) => {
      const first = node.type === 'listItem' ? node.children[0] : undefined
      return first?.type === 'list' && first.ordered === true && typeof first.start === 'number' && first.start !== 1
    },
    message: 'A list item that opens with a numbered list not starting at 1 shows on Jekyll as one flat item: kramdown’s start number cannot sit on the item’s own line.'
  },
  {
    holds: (node, parent) => isTight(parent, node) && 'children' in node && node.children.some((child, i) => child.type === 'heading' && node.children[i + 1]?.type === 'paragraph'),
    message: 'Text after a heading in a list item without blank lines becomes a paragraph of its own on Jekyll, with the space of one.'
  },
  {
    holds: (node, parent, index) => {
      const next = parent?.children[index + 1]
      return node.type === 'list' && !node.ordered && next?.type === 'list' && !next.ordered
    },
    message: 'Two bulleted lists one right after the other show on Jekyll as one list: kramdown continues a list whose bullet changes. Put a paragraph between them to keep them apart.'
  },
  {
    holds: (node, parent) => isTight(parent, node) && 'children' in node && node.children.some((child, i) => child.type === 'blockquote' && i + 1 < node.children.length),
    message: 'A quote followed by more in a list item without blank lines takes in what follows on Jekyll: kramdown continues the quote.'
  }
]

/** What goldmark (Hugo) shows unlike CommonMark. */
const goldmark: Difference[] = [
  {
    holds: (node) => node.type === 'image' && /[[\]]/.test(node.alt ?? ''),
    message: 'An image description holding square brackets shows their backslashes on Hugo (“\\[”): goldmark keeps them in the alt text.'
  }
]

/** Tells the writer once about each construct of the article that `differences` says its site shows otherwise. */
function warnOfDifferences(differences: readonly Difference[]): (tree: Root, warn: Warn) => void {
  return (tree, warn) => {
    const found = new Set<Difference>()
    const walk = (node: Nodes, parent: Parent | undefined, index: number): void => {
      for (const difference of differences) if (!found.has(difference) && difference.holds(node, parent, index)) found.add(difference)
      // A loop, not forEach: a closure per parent is garbage a render thread collects for every article.
      if ('children' in node) for (let i = 0; i < node.children.length; i++) walk(node.children[i] as RootContent, node, i)
    }
    walk(tree, undefined, 0)
    for (const difference of differences) if (found.has(difference)) warn('dialect-simplified', difference.message)
  }
}

export const warnOfKramdownDifferences = warnOfDifferences(kramdown)
export const warnOfGoldmarkDifferences = warnOfDifferences(goldmark)
