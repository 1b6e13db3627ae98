import { describe, expect, it } from 'vitest'
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model'
import { history, undo } from '@tiptap/pm/history'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { articleSchema as pmSchema } from '../../../src/shared/schema/extensions'
import { acceptAll, acceptSuggestion, decideSuggestions, rejectAll, rejectSuggestion } from '../../../src/shared/review/decide-suggestions'
import { findSuggestions } from '../../../src/shared/review/find-suggestions'
import { DIRECT_EDIT_META, trackChanges } from '../../../src/shared/review/track-changes'
import { netflixArticle } from '../../fixtures/netflix'
import { editor, writer } from './actors'
import { backspace, blockText, find, fixtureState, select, suggest, typeText } from './editing'

/**
 * The promise of suggestion mode: whatever the edit, accepting every
 * suggestion gives what the edit would have made directly, and rejecting
 * every suggestion gives back the document as it was.
 */
function expectRoundTrip(before: EditorState, edit: (s: EditorState) => Transaction): EditorState {
  const direct = before.apply(edit(before)).doc
  const tracked = suggest(before, editor, edit)
  tracked.doc.check()
  expect(acceptAll(tracked.doc).eq(direct)).toBe(true)
  expect(rejectAll(tracked.doc).eq(before.doc)).toBe(true)
  return tracked
}

const marksAt = (doc: PMNode, pos: number): string[] => doc.nodeAt(pos)?.marks.map((m) => m.type.name) ?? []

describe('suggestion mode', () => {
  it('records typed words as one insertion by its author, which the writer can accept or reject', () => {
    const start = fixtureState()
    const at = find(start.doc, 'more efficient').from
    const typed = typeText(select(start, at), editor, 'far ')
    expect(blockText(typed.doc, at)).toContain('creative teams far more efficient')
    const [suggestion, ...others] = findSuggestions(typed.doc)
    expect(others).toEqual([])
    expect(suggestion).toMatchObject({ author: 'Sam Ortiz', role: 'editor', inserted: 'far ', deleted: '' })
    expect(marksAt(typed.doc, at)).toEqual(['suggestionInsert'])
    // The cursor follows the typing.
    expect(typed.selection.from).toBe(at + 4)

    const accepted = acceptSuggestion(typed.doc, suggestion!.id)
    expect(blockText(accepted, at)).toContain('creative teams far more efficient')
    expect(findSuggestions(accepted)).toEqual([])
    expect(rejectSuggestion(typed.doc, suggestion!.id).eq(start.doc)).toBe(true)
  })

  it('keeps deleted words in place, marked, until the deletion is accepted', () => {
    const start = fixtureState()
    const { from, to } = find(start.doc, 'overall ')
    const tracked = expectRoundTrip(select(start, from, to), (s) => s.tr.deleteSelection())
    expect(blockText(tracked.doc, from)).toContain('improve the overall TV')
    expect(marksAt(tracked.doc, from)).toEqual(['suggestionDelete'])
    expect(findSuggestions(tracked.doc)).toMatchObject([{ author: 'Sam Ortiz', deleted: 'overall ', inserted: '' }])
  })

  it('turns repeated backspaces into one deletion and moves the cursor back over it', () => {
    const start = fixtureState()
    const end = find(start.doc, 'overall').to
    let state = select(start, end)
    for (let i = 0; i < 'overall'.length; i++) state = backspace(state, editor)
    expect(state.selection.from).toBe(end - 'overall'.length)
    expect(findSuggestions(state.doc)).toMatchObject([{ deleted: 'overall' }])
    expect(rejectAll(state.doc).eq(start.doc)).toBe(true)
  })

  it('records a replacement as one suggestion with the old and the new words', () => {
    const start = fixtureState()
    const { from } = find(start.doc, 'great artist', 1)
    const tracked = expectRoundTrip(select(start, from, from + 'great'.length), (s) => s.tr.insertText('remarkable'))
    const [replacement] = findSuggestions(tracked.doc)
    expect(replacement).toMatchObject({ deleted: 'great', inserted: 'remarkable' })
    expect(findSuggestions(tracked.doc)).toHaveLength(1)
    // Typing on extends the same suggestion.
    const more = typeText(tracked, editor, ', truly')
    expect(findSuggestions(more.doc)).toMatchObject([{ id: replacement!.id, deleted: 'great', inserted: 'remarkable, truly' }])
    expect(blockText(acceptAll(more.doc), from)).toContain('a remarkable, truly artist')
  })

  it('tracks edits inside an FAQ answer and keeps the FAQ valid', () => {
    const start = fixtureState()
    const { from, to } = find(start.doc, 'utilizes')
    const tracked = expectRoundTrip(select(start, from, to), (s) => s.tr.insertText('uses'))
    expect(tracked.doc.resolve(from).node(-1).type.name).toBe('faqAnswer')
    expect(findSuggestions(tracked.doc)).toMatchObject([{ deleted: 'utilizes', inserted: 'uses' }])
  })

  it('deletes across paragraphs and joins them only when the deletion is accepted', () => {
    const start = fixtureState()
    const from = find(start.doc, 'They fear that').from
    const to = find(start.doc, 'Still, these behind-the-scenes').from
    const tracked = expectRoundTrip(select(start, from, to), (s) => s.tr.deleteSelection())
    expect(tracked.doc.childCount).toBe(start.doc.childCount)
    expect(findSuggestions(tracked.doc)).toHaveLength(1)
    expect(acceptAll(tracked.doc).childCount).toBe(start.doc.childCount - 1)
  })

  it('removes a paragraph caught whole in a deletion that spans three', () => {
    const start = fixtureState()
    const from = find(start.doc, 'Critics say Sora').from
    const to = find(start.doc, 'Sarandos said it’s possible').from
    const tracked = expectRoundTrip(select(start, from, to), (s) => s.tr.deleteSelection())
    expect(findSuggestions(tracked.doc)[0]?.deleted).toContain('called on OpenAI to add stronger protections')
    expect(acceptAll(tracked.doc).childCount).toBe(start.doc.childCount - 2)
  })

  it('records a pasted passage of two paragraphs, and rejecting it joins the paragraph back', () => {
    const start = fixtureState()
    const at = find(start.doc, 'Instead, it sees').from
    const para = (text: string) => pmSchema.nodes.paragraph!.create(null, pmSchema.text(text))
    const pasted = new Slice(Fragment.from([para('Streaming rivals watch closely. '), para('Analysts agree. ')]), 1, 1)
    const tracked = expectRoundTrip(select(start, at), (s) => s.tr.replaceSelection(pasted))
    expect(findSuggestions(tracked.doc)).toHaveLength(1)
  })

  it('removes a new paragraph entirely when the typing in it is rejected', () => {
    const start = fixtureState()
    const end = find(start.doc, 'more efficient.').to
    const split = suggest(select(start, end), editor, (s) => s.tr.split(s.selection.from))
    const typed = typeText(split, editor, 'A new thought.')
    expect(typed.doc.childCount).toBe(start.doc.childCount + 1)
    expect(rejectAll(typed.doc).eq(start.doc)).toBe(true)
    expect(acceptAll(typed.doc).childCount).toBe(start.doc.childCount + 1)
  })

  it('records a replace-all made in one transaction as one suggestion per place', () => {
    const start = fixtureState()
    const places: number[] = []
    start.doc.descendants((node, pos) => {
      for (const match of node.isText ? node.text!.matchAll(/Sarandos/g) : []) places.push(pos + match.index)
    })
    const tracked = expectRoundTrip(start, (s) => {
      const tr = s.tr
      for (const place of places) tr.insertText('the CEO', tr.mapping.map(place), tr.mapping.map(place + 'Sarandos'.length))
      return tr
    })
    expect(places.length).toBeGreaterThan(2)
    expect(findSuggestions(tracked.doc).map((s) => [s.deleted, s.inserted])).toEqual(places.map(() => ['Sarandos', 'the CEO']))
  })

  it('simply removes words of a pending insertion that are deleted again', () => {
    const start = fixtureState()
    const at = find(start.doc, 'more efficient').from
    let state = typeText(select(start, at), editor, 'much ')
    state = backspace(backspace(state, editor), editor)
    expect(findSuggestions(state.doc)).toMatchObject([{ inserted: 'muc', deleted: '' }])
    state = select(state, at, at + 3)
    state = suggest(state, editor, (s) => s.tr.deleteSelection())
    expect(state.doc.eq(start.doc)).toBe(true)
  })

  it('does not extend somebody else’s suggestion', () => {
    const start = fixtureState()
    const at = find(start.doc, 'more efficient').from
    const byEditor = typeText(select(start, at), editor, 'far ')
    const byWriter = typeText(byEditor, writer, 'and ')
    expect(findSuggestions(byWriter.doc).map((s) => [s.author, s.inserted])).toEqual([
      ['Sam Ortiz', 'far '],
      ['Hajra Naz', 'and ']
    ])
    const keptWriters = rejectSuggestion(byWriter.doc, findSuggestions(byWriter.doc)[0]!.id)
    expect(blockText(acceptAll(keptWriters), at)).toContain('teams and more efficient')
  })

  it('refuses, and reports, a change it cannot show as a suggestion: removing a promo slot', () => {
    const start = fixtureState()
    let slot = -1
    start.doc.forEach((node, offset) => {
      if (slot < 0 && node.type.name === 'promoSlot') slot = offset
    })
    const tr = start.tr.delete(slot, slot + 1)
    const result = trackChanges(start, tr, { actor: editor })
    expect(result.refused).toBe(true)
    expect(start.apply(result.transaction).doc.eq(start.doc)).toBe(true)
  })

  it('refuses text edits where the schema allows no marks, such as a code block', () => {
    const body = netflixArticle().body
    body.content.unshift({ type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'npm start' }] })
    const start = fixtureState([], body)
    const result = trackChanges(start, start.tr.insertText('x', 2), { actor: editor })
    expect(result.refused).toBe(true)
    expect(result.transaction.docChanged).toBe(false)
  })

  it('passes undo through, so undoing a suggestion removes it', () => {
    const start = fixtureState([history()])
    const at = find(start.doc, 'more efficient').from
    const typed = typeText(select(start, at), editor, 'far ')
    let undone: EditorState = typed
    undo(typed, (tr) => {
      const result = trackChanges(typed, tr, { actor: editor })
      expect(result.transaction).toBe(tr)
      undone = typed.apply(result.transaction)
    })
    expect(undone.doc.eq(start.doc)).toBe(true)
  })

  it('lets accepting a suggestion through untouched while suggestion mode is on', () => {
    const start = fixtureState()
    const typed = typeText(select(start, find(start.doc, 'more efficient').from), editor, 'far ')
    const accept = typed.tr.setMeta(DIRECT_EDIT_META, true)
    decideSuggestions(accept, 'reject', () => true)
    const result = trackChanges(typed, accept, { actor: writer })
    expect(result.transaction).toBe(accept)
    expect(typed.apply(result.transaction).doc.eq(start.doc)).toBe(true)
  })

  it('applies formatting directly: it changes no words', () => {
    const start = fixtureState()
    const { from, to } = find(start.doc, 'overall')
    const tracked = suggest(start, editor, (s) => s.tr.addMark(from, to, pmSchema.marks.bold!.create()))
    expect(marksAt(tracked.doc, from)).toEqual(['bold'])
    expect(findSuggestions(tracked.doc)).toEqual([])
  })
})
