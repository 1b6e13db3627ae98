import type { Mark, MarkType, Node as PMNode, Schema } from '@tiptap/pm/model'
import { markRuns, type MarkRun } from './inline-runs'
import { suggestionMarkNames, type SuggestionAttrs, type SuggestionKind } from './suggestion-marks'

/** A run of text carrying one suggestion mark. */
export interface SuggestionPiece {
  kind: SuggestionKind
  from: number
  to: number
  mark: Mark
}

/** One suggestion: every piece with the same id, inserted and deleted text alike. */
export interface Suggestion extends SuggestionAttrs {
  pieces: SuggestionPiece[]
  /** The words it adds and the words it takes away, for lists and history. */
  inserted: string
  deleted: string
}

export const suggestionMarkType = (schema: Schema, kind: SuggestionKind): MarkType => {
  const type = schema.marks[suggestionMarkNames[kind]]
  if (!type) throw new Error(`The schema has no ${suggestionMarkNames[kind]} mark`)
  return type
}

/** The suggestion mark of `kind` on an inline node, if any. */
export const suggestionMarkOf = (node: PMNode, kind: SuggestionKind): Mark | undefined =>
  node.marks.find((mark) => mark.type.name === suggestionMarkNames[kind])

const suggestionRuns = new WeakMap<PMNode, readonly MarkRun[]>()
const suggestionNames = new Map(Object.entries(suggestionMarkNames).map(([kind, name]) => [name, kind as SuggestionKind]))

/** Every suggestion in the document, in the order it first appears. */
export function findSuggestions(doc: PMNode): Suggestion[] {
  const byId = new Map<string, Suggestion>()
  for (const { mark, from, to } of markRuns(doc, suggestionRuns, (m) => suggestionNames.has(m.type.name))) {
    const attrs = mark.attrs as SuggestionAttrs
    let suggestion = byId.get(attrs.id)
    if (!suggestion) {
      suggestion = { ...attrs, pieces: [], inserted: '', deleted: '' }
      byId.set(attrs.id, suggestion)
    }
    suggestion.pieces.push({ kind: suggestionNames.get(mark.type.name)!, from, to, mark })
  }
  for (const suggestion of byId.values()) {
    const textOf = (kind: SuggestionKind): string =>
      suggestion.pieces
        .filter((piece) => piece.kind === kind)
        .map((piece) => doc.textBetween(piece.from, piece.to, ' ', ' '))
        .join(' … ')
    suggestion.inserted = textOf('insert')
    suggestion.deleted = textOf('delete')
  }
  return [...byId.values()]
}
