import { Fragment, Slice, type Mark, type MarkType, type Node as PMNode } from '@tiptap/pm/model'
import { isHistoryTransaction } from '@tiptap/pm/history'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping, ReplaceStep, type Step } from '@tiptap/pm/transform'
import type { Actor } from './actor'
import { suggestionMarkOf, suggestionMarkType } from './find-suggestions'
import type { SuggestionAttrs, SuggestionKind } from './suggestion-marks'
import { newId, nowIso } from '../ids'

export interface TrackOptions {
  actor: Actor
  at?: string
  newId?: () => string
}

export interface TrackedTransaction {
  transaction: Transaction
  /**
   * True when part of the change could not be recorded as a suggestion
   * (images, promo slots, text where the schema allows no marks such as code)
   * and was therefore left out: tell the user to leave suggestion mode for it.
   */
  refused: boolean
}

// Metadata editor plugins read from a transaction; the rest is view-internal.
const carriedMeta = ['addToHistory', 'uiEvent', 'paste', 'preventUpdate']

/**
 * Set this meta on a transaction that must apply as it is even in suggestion
 * mode: accepting or rejecting suggestions, loading a document.
 */
export const DIRECT_EDIT_META = 'copydesk:direct-edit'

/**
 * Suggestion mode (track changes). Takes a transaction made by ordinary
 * editing and returns one that records it as suggestions by `actor`:
 * inserted words are marked `suggestionInsert`; deleted words stay in place
 * marked `suggestionDelete` (words that were themselves a pending insertion
 * just go). Splitting and joining paragraphs change no words and apply as
 * they are. Typing next to one's own pending suggestion extends it, so a
 * word typed letter by letter is one suggestion; a replacement is one
 * suggestion with a deleted and an inserted part.
 *
 * Undo and redo transactions pass through unchanged: they restore what was
 * there, suggestion marks included. So do those marked DIRECT_EDIT_META.
 */
export function trackChanges(state: EditorState, tr: Transaction, options: TrackOptions): TrackedTransaction {
  if (!tr.docChanged || isHistoryTransaction(tr) || tr.getMeta(DIRECT_EDIT_META)) return { transaction: tr, refused: false }
  if (!tr.before.eq(state.doc)) throw new Error('trackChanges needs a transaction made from the state it is given')
  const out = state.tr
  const context: StepContext = { actor: options.actor, at: options.at ?? nowIso(), newId: options.newId ?? newId }
  let refused = false
  // Maps positions of the document before original step i to `out`'s document.
  let mapping = new Mapping()
  tr.steps.forEach((step) => {
    const mapped = step.map(mapping)
    const firstOut = out.steps.length
    const applied = mapped !== null && applyStep(out, mapped, context)
    refused ||= !applied
    const next = new Mapping()
    next.appendMap(step.getMap().invert())
    next.appendMapping(mapping)
    out.mapping.maps.slice(firstOut).forEach((map, i) => next.appendMap(map, i === 0 && applied ? 0 : undefined))
    mapping = next
  })
  out.setSelection(trackedSelection(state, tr, out, mapping))
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks)
  if (tr.scrolledIntoView) out.scrollIntoView()
  out.setTime(tr.time)
  for (const key of carriedMeta) if (tr.getMeta(key) !== undefined) out.setMeta(key, tr.getMeta(key))
  return { transaction: out, refused }
}

interface StepContext {
  actor: Actor
  at: string
  newId: () => string
}

/** Applies one step to `out` as a suggestion; false when it cannot be recorded and was left out. */
function applyStep(out: Transaction, step: Step, context: StepContext): boolean {
  if (!(step instanceof ReplaceStep)) return !out.maybeStep(step).failed
  const { from, to, slice } = step
  const deleted = out.doc.slice(from, to)
  const inserts = hasLeaves(slice.content)
  if (!hasLeaves(deleted.content) && !inserts) return !out.maybeStep(step).failed
  const schema = out.doc.type.schema
  const insertType = suggestionMarkType(schema, 'insert')
  const deleteType = suggestionMarkType(schema, 'delete')
  if (!canMarkRange(out.doc, from, to, deleteType, (node) => !!suggestionMarkOf(node, 'insert'))) return false
  const probe = step.apply(out.doc).doc
  // A replace step puts its slice at `from` in the new document.
  const insertedTo = from + slice.size
  if (!probe || (inserts && !canMarkRange(probe, from, insertedTo, insertType, () => false))) return false

  const attrs = suggestionAttrs(out.doc, from, to, context, inserts ? 'insert' : 'delete')
  const kept = keptSlice(deleted, insertType, deleteType.create(attrs))
  out.step(step)
  if (inserts) {
    out.removeMark(from, insertedTo, deleteType)
    out.addMark(from, insertedTo, insertType.create(attrs))
  }
  if (hasLeaves(kept.content)) out.replace(from, from, kept)
  return true
}

const hasLeaves = (fragment: Fragment): boolean => {
  let found = false
  fragment.descendants((node) => {
    found ||= node.isLeaf
    return !found
  })
  return found
}

/** Whether every leaf in [from, to) can carry `type` (or is exempt). */
function canMarkRange(doc: PMNode, from: number, to: number, type: MarkType, exempt: (node: PMNode) => boolean): boolean {
  let ok = true
  doc.nodesBetween(from, to, (node, _pos, parent) => {
    if (!ok || !node.isLeaf || exempt(node)) return ok
    ok = node.isInline && !!parent?.type.allowsMarkType(type) && !node.marks.some((mark) => mark.type.excludes(type))
    return ok
  })
  return ok
}

/**
 * The attributes for a new piece: those of the actor's own pending suggestion
 * of the same kind right beside it, so continued typing or deleting extends
 * it; otherwise a new suggestion.
 */
function suggestionAttrs(doc: PMNode, from: number, to: number, context: StepContext, kind: SuggestionKind): SuggestionAttrs {
  const neighbours = [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]
  for (const node of neighbours) {
    const mark = node && suggestionMarkOf(node, kind)
    const attrs = mark?.attrs as SuggestionAttrs | undefined
    if (attrs && attrs.author === context.actor.name && attrs.role === context.actor.role) return attrs
  }
  return { id: context.newId(), author: context.actor.name, role: context.actor.role, at: context.at }
}

/** The deleted content as it stays in the document: pending insertions dropped, the rest marked deleted. */
function keptSlice(deleted: Slice, insertType: MarkType, deleteMark: Mark): Slice {
  const keep = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = []
    fragment.forEach((node) => {
      if (node.isInline) {
        if (node.marks.some((mark) => mark.type === insertType)) return
        nodes.push(suggestionMarkOf(node, 'delete') ? node : node.mark(deleteMark.addToSet(node.marks)))
      } else nodes.push(node.copy(keep(node.content)))
    })
    return Fragment.from(nodes)
  }
  return new Slice(keep(deleted.content), deleted.openStart, deleted.openEnd)
}

/**
 * Where the cursor goes: where ordinary editing would put it, except that a
 * backspace leaves it before the words it marked, so the next backspace
 * marks the word before.
 */
function trackedSelection(state: EditorState, tr: Transaction, out: Transaction, mapping: Mapping) {
  const only = tr.steps.length === 1 ? tr.steps[0] : undefined
  const backspace = only instanceof ReplaceStep && only.slice.size === 0 && state.selection.empty && state.selection.from === only.to
  if (backspace && tr.selection.empty) return TextSelection.create(out.doc, mapping.map(tr.selection.head, -1))
  return tr.selection.map(out.doc, mapping)
}
