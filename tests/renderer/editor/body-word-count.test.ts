import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it, vi } from 'vitest'
import { bodyStats, type BodyDoc } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { liveBodyStats } from '../../../src/renderer/src/editor/body-word-count'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { syntheticArticles } from '../../bench/synthetic-articles'

const bodies: [string, BodyDoc][] = [
  ['the sample post', netflixArticle().body],
  ['a long article with FAQs and promo slots', syntheticArticles(1, hostingPromo().id)[0]!.body!]
]

describe("the status bar's word count", () => {
  it.each(bodies)('agrees with the library for %s, and after an edit', (_name, body) => {
    let state = EditorState.create({ doc: toProseMirror(body) })
    expect(liveBodyStats(state.doc)).toEqual(bodyStats(body))
    const at = state.doc.firstChild!.nodeSize - 1
    state = state.apply(state.tr.insertText(' three more words', at))
    expect(liveBodyStats(state.doc)).toEqual(bodyStats(state.doc.toJSON() as BodyDoc))
    expect(liveBodyStats(state.doc).words).toBe(bodyStats(body).words + 3)
  })

  it('counts again only the block a keystroke changed', () => {
    let state = EditorState.create({ doc: toProseMirror(bodies[1]![1]) })
    liveBodyStats(state.doc)
    state = state.apply(state.tr.insertText('x', state.doc.firstChild!.nodeSize + 2))
    const read = vi.spyOn(PMNode.prototype, 'toJSON')
    try {
      liveBodyStats(state.doc)
      const topLevel = new Set<PMNode>()
      state.doc.forEach((block) => topLevel.add(block))
      const readBlocks = read.mock.contexts.filter((node) => topLevel.has(node as PMNode))
      expect(readBlocks).toEqual([state.doc.child(1)])
    } finally {
      read.mockRestore()
    }
  })
})
