import { describe, expect, it } from 'vitest'
import type { Mark, Node as PMNode } from '@tiptap/pm/model'
import { anchorComment, commentAnchors } from '../../../src/shared/review/comment-anchors'
import { markRuns, type MarkRun } from '../../../src/shared/review/inline-runs'
import { find, fixtureState } from './editing'

/** The fixture with a comment near its start and one near its end. */
function twoComments() {
  let state = fixtureState()
  const early = find(state.doc, 'helpful tool')
  const late = find(state.doc, 'quarterly', 1)
  const tr = state.tr
  anchorComment(tr, early.from, early.to, 't-early')
  anchorComment(tr, late.from, late.to, 't-late')
  state = state.apply(tr)
  return state
}

describe('marked runs of text, block by block', () => {
  it('keep every anchor on its words while another block is edited, from a cache', () => {
    let state = twoComments()
    const before = commentAnchors(state.doc)
    state = state.apply(state.tr.insertText('A new opening. ', 1))
    const after = commentAnchors(state.doc)
    expect(after.map((a) => [a.threadId, a.text])).toEqual(before.map((a) => [a.threadId, a.text]))
    expect(after.map((a) => a.from - ('A new opening. '.length))).toEqual(before.map((a) => a.from))
  })

  it('read only the block a keystroke changed: the others come from the cache', () => {
    let state = twoComments()
    const cache = new WeakMap<PMNode, readonly MarkRun[]>()
    const seen: Mark[] = []
    const wanted = (mark: Mark): boolean => {
      seen.push(mark)
      return mark.type.name === 'comment'
    }
    const first = markRuns(state.doc, cache, wanted)
    expect(first).toHaveLength(2)
    const marksInArticle = seen.length

    // A keystroke in the block of the second comment: the others, the first comment's among them, are the same nodes as before.
    seen.length = 0
    state = state.apply(state.tr.insertText('x', find(state.doc, 'In the same earnings').from))
    const second = markRuns(state.doc, cache, wanted)
    expect(second.map((run) => [run.from, run.to])).toEqual([first[0]!, first[1]!].map((run, i) => [run.from + i, run.to + i]))
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.length).toBeLessThan(marksInArticle)
    expect(seen.every((mark) => mark.type.name === 'comment')).toBe(true)
  })
})
