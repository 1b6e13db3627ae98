import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import type { SuggestionDecision } from './suggestion-decision-schema'
import type { Actor } from './actor'
import { findSuggestions, type Suggestion, type SuggestionPiece } from './find-suggestions'
import { removeRanges } from './remove-ranges'
import { nowIso } from '../ids'

export type Decision = 'accept' | 'reject'

/**
 * Accepts or rejects the suggestions `select` picks, as steps on `tr` (an
 * editor transaction, so it can be undone, or a plain Transform). Accepting
 * keeps inserted words and removes deleted ones; rejecting does the opposite.
 * Returns the suggestions decided, for the article's record.
 */
export function decideSuggestions(tr: Transform, decision: Decision, select: (id: string) => boolean): Suggestion[] {
  const chosen = findSuggestions(tr.doc).filter((suggestion) => select(suggestion.id))
  const removedKind = decision === 'accept' ? 'delete' : 'insert'
  const toRemove: SuggestionPiece[] = []
  for (const piece of chosen.flatMap((suggestion) => suggestion.pieces)) {
    if (piece.kind === removedKind) toRemove.push(piece)
    else tr.removeMark(piece.from, piece.to, piece.mark)
  }
  // Removing marks moves nothing, so the pieces' positions still hold.
  removeRanges(tr, toRemove)
  return chosen
}

const clip = (text: string): string => (text.length > 500 ? `${text.slice(0, 499)}…` : text)

/** What the article keeps about a decided suggestion. */
export const decisionRecord = (suggestion: Suggestion, decision: Decision, actor: Actor, at: string = nowIso()): SuggestionDecision => ({
  id: suggestion.id,
  decision: decision === 'accept' ? 'accepted' : 'rejected',
  by: actor,
  at,
  suggestedBy: suggestion.author,
  inserted: clip(suggestion.inserted),
  deleted: clip(suggestion.deleted)
})

const decided = (doc: PMNode, decision: Decision, select: (id: string) => boolean): PMNode => {
  const tr = new Transform(doc)
  decideSuggestions(tr, decision, select)
  return tr.doc
}
export const acceptSuggestion = (doc: PMNode, id: string): PMNode => decided(doc, 'accept', (x) => x === id)
export const rejectSuggestion = (doc: PMNode, id: string): PMNode => decided(doc, 'reject', (x) => x === id)
export const acceptAll = (doc: PMNode): PMNode => decided(doc, 'accept', () => true)
export const rejectAll = (doc: PMNode): PMNode => decided(doc, 'reject', () => true)
