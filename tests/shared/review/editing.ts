import type { Node as PMNode } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import type { Plugin } from '@tiptap/pm/state'
import type { BodyDoc } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import type { Actor } from '../../../src/shared/review/actor'
import { trackChanges } from '../../../src/shared/review/track-changes'
import { netflixArticle } from '../../fixtures/netflix'

/** Editor states over the fixture article, edited the way the editor's commands edit them. */
export const fixtureState = (plugins: Plugin[] = [], body: BodyDoc = netflixArticle().body): EditorState =>
  EditorState.create({ doc: toProseMirror(body), plugins })

/** Document positions of the `nth` occurrence of `text` inside one textblock, across marks. */
export function find(doc: PMNode, text: string, nth = 0): { from: number; to: number } {
  let seen = 0
  let found: { from: number; to: number } | undefined
  doc.descendants((node, pos) => {
    if (found) return false
    if (!node.isTextblock) return true
    // One character per inline leaf, so offsets in this string are offsets in the block.
    const content = node.textBetween(0, node.content.size, undefined, '\ufffc')
    for (let index = content.indexOf(text); index >= 0 && !found; index = content.indexOf(text, index + 1)) {
      if (seen++ === nth) found = { from: pos + 1 + index, to: pos + 1 + index + text.length }
    }
    return false
  })
  if (!found) throw new Error(`“${text}” is not in the document`)
  return found
}

export const select = (state: EditorState, from: number, to = from): EditorState =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)))

/** Applies an edit made by `edit` in suggestion mode as `actor`. */
export function suggest(state: EditorState, actor: Actor, edit: (state: EditorState) => Transaction): EditorState {
  const { transaction } = trackChanges(state, edit(state), { actor, at: '2026-03-02T10:00:00.000Z' })
  return state.apply(transaction)
}

/** Types text one key at a time, as a person does. */
export function typeText(state: EditorState, actor: Actor, text: string): EditorState {
  for (const char of text) state = suggest(state, actor, (s) => s.tr.insertText(char))
  return state
}

/** Backspace: deletes the character before the cursor. */
export const backspace = (state: EditorState, actor: Actor): EditorState =>
  suggest(state, actor, (s) => s.tr.delete(s.selection.from - 1, s.selection.from))

/** The text of the textblock around `pos`. */
export const blockText = (doc: PMNode, pos: number): string => doc.resolve(pos).parent.textContent
