import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it, vi } from 'vitest'
import type { BodyDoc } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { bodyJson } from '../../../src/renderer/src/editor/body-json'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { syntheticArticles } from '../../bench/synthetic-articles'

const bodies: [string, BodyDoc][] = [
  ['the sample post', netflixArticle().body],
  ['a long article with FAQs and promo slots', syntheticArticles(1, hostingPromo().id)[0]!.body!]
]

describe('the body the autosave sends', () => {
  it.each(bodies)('is the editor document as JSON for %s, and after an edit', (_name, body) => {
    let state = EditorState.create({ doc: toProseMirror(body) })
    expect(bodyJson(state.doc)).toEqual(state.doc.toJSON())
    state = state.apply(state.tr.insertText(' three more words', state.doc.firstChild!.nodeSize - 1))
    expect(bodyJson(state.doc)).toEqual(state.doc.toJSON())
    expect(JSON.stringify(bodyJson(state.doc))).toContain('three more words')
  })

  it('turns into JSON again only the block a keystroke changed', () => {
    let state = EditorState.create({ doc: toProseMirror(bodies[1]![1]) })
    const before = bodyJson(state.doc)
    state = state.apply(state.tr.insertText('x', state.doc.firstChild!.nodeSize + 2))
    const read = vi.spyOn(PMNode.prototype, 'toJSON')
    try {
      const after = bodyJson(state.doc)
      const topLevel = new Set<PMNode>()
      state.doc.forEach((block) => topLevel.add(block))
      expect(read.mock.contexts.filter((node) => topLevel.has(node as PMNode))).toEqual([state.doc.child(1)])
      expect(after.content.filter((block, i) => block !== before.content[i])).toEqual([after.content[1]])
    } finally {
      read.mockRestore()
    }
  })
})
