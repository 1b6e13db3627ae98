import { describe, expect, it } from 'vitest'
import { Transform } from '@tiptap/pm/transform'
import { articleSchema } from '../../../src/shared/article/article'
import { type BodyDoc } from '../../../src/shared/article/body'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { UserError } from '../../../src/shared/ipc/result'
import { anchorComment, commentAnchors, removeCommentAnchor } from '../../../src/shared/review/comment-anchors'
import {
  editMessage,
  isResolved,
  reopenThread,
  reply,
  resolveThread,
  startThread,
  updateThread,
  withThread
} from '../../../src/shared/review/comment-threads'
import { stripReview } from '../../../src/shared/review/strip-review'
import { netflixArticle } from '../../fixtures/netflix'
import { editor, writer } from './actors'
import { find, fixtureState, select, typeText } from './editing'

const anchoredState = (quote: string, threadId = 't-1') => {
  const state = fixtureState()
  const { from, to } = find(state.doc, quote)
  const tr = state.tr
  anchorComment(tr, from, to, threadId)
  return state.apply(tr)
}

describe('comment anchors', () => {
  it('stay on their words while the text around them is edited', () => {
    let state = anchoredState('helpful tool')
    const before = find(state.doc, 'as a helpful').from
    state = state.apply(state.tr.insertText('very, very ', before + 'as a '.length))
    state = state.apply(state.tr.delete(find(state.doc, 'Instead, ').from, find(state.doc, 'Instead, ').to))
    // Typing right after the anchored words does not stretch the comment.
    const end = find(state.doc, 'helpful tool').to
    state = state.apply(state.tr.insertText(' indeed', end))
    expect(commentAnchors(state.doc)).toMatchObject([{ threadId: 't-1', text: 'helpful tool' }])
  })

  it('shrink with their words and disappear when all of them are deleted', () => {
    let state = anchoredState('helpful tool')
    const { from } = find(state.doc, 'helpful ')
    state = state.apply(state.tr.delete(from, from + 'helpful '.length))
    expect(commentAnchors(state.doc)).toMatchObject([{ text: 'tool' }])
    const tool = find(state.doc, 'tool that').from
    state = state.apply(state.tr.delete(tool, tool + 'tool'.length))
    expect(commentAnchors(state.doc)).toEqual([])
  })

  it('may overlap: two threads on the same words keep both anchors', () => {
    let state = anchoredState('helpful tool', 't-1')
    const { from, to } = find(state.doc, 'a helpful tool that')
    const tr = state.tr
    anchorComment(tr, from, to, 't-2')
    state = state.apply(tr)
    expect(commentAnchors(state.doc).map((a) => [a.threadId, a.text])).toEqual([
      ['t-2', 'a helpful tool that'],
      ['t-1', 'helpful tool']
    ])
    const removal = state.tr
    removeCommentAnchor(removal, 't-2')
    expect(commentAnchors(state.apply(removal).doc).map((a) => a.threadId)).toEqual(['t-1'])
  })

  it('stay attached while the commented words are edited in suggestion mode', () => {
    const state = anchoredState('helpful tool')
    const typed = typeText(select(state, find(state.doc, 'tool').from), editor, 'creative ')
    expect(commentAnchors(typed.doc)).toMatchObject([{ text: 'helpful creative tool' }])
  })

  it('refuse an empty selection, in plain words', () => {
    const state = fixtureState()
    const at = find(state.doc, 'helpful').from
    expect(() => anchorComment(new Transform(state.doc), at, at, 't-1')).toThrow('Select some words of the text to comment on them.')
  })

  it('refuse words that cannot carry a comment, such as code', () => {
    const body = netflixArticle().body
    body.content.unshift({ type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'npm start' }] })
    const doc = toProseMirror(body)
    expect(() => anchorComment(new Transform(doc), 1, 4, 't-1')).toThrow('Comments cannot be attached to code')
  })

  it('are saved in the article body and dropped from what is exported', () => {
    const state = anchoredState('helpful tool')
    const body = state.doc.toJSON() as BodyDoc
    expect(commentAnchors(toProseMirror(body))).toMatchObject([{ threadId: 't-1' }])
    const exported = stripReview(body)
    expect(JSON.stringify(exported)).not.toContain('comment')
    expect(toProseMirror(exported).eq(fixtureState().doc)).toBe(true)
  })
})

describe('comment threads', () => {
  const at = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`

  it('start on a quote, take replies in order, resolve and reopen with who and when', () => {
    let thread = startThread('helpful tool', 'Is “tool” fair to the artists?', editor, at(0))
    thread = reply(thread, 'I think so: Sarandos says it himself.', writer, at(5))
    thread = resolveThread(thread, writer, at(6))
    expect(isResolved(thread)).toBe(true)
    expect(thread.resolution).toEqual({ resolved: true, by: writer, at: at(6) })
    thread = reopenThread(thread, editor, at(7))
    expect(isResolved(thread)).toBe(false)
    expect(thread.resolution).toEqual({ resolved: false, by: editor, at: at(7) })
    expect(thread.messages.map((m) => [m.author.name, m.text])).toEqual([
      ['Sam Ortiz', 'Is “tool” fair to the artists?'],
      ['Hajra Naz', 'I think so: Sarandos says it himself.']
    ])
    expect(new Set(thread.messages.map((m) => m.id)).size).toBe(2)
  })

  it('are kept in the article file and found again by id', () => {
    const thread = startThread('helpful tool', 'Check this.', editor)
    let article = withThread(netflixArticle(), thread)
    article = updateThread(article, thread.id, (t) => reply(t, 'Done.', writer))
    expect(articleSchema.parse(article).comments?.[0]?.messages).toHaveLength(2)
    expect(() => updateThread(article, 'gone', (t) => t)).toThrow(UserError)
  })

  it('refuse an empty comment and let only the author edit a message', () => {
    expect(() => startThread('helpful tool', '   ', editor)).toThrow('A comment cannot be empty.')
    const thread = startThread('helpful tool', 'Check this.', editor, at(0))
    expect(() => editMessage(thread, thread.messages[0]!.id, 'Changed.', writer)).toThrow('Only Sam Ortiz can change this comment.')
    const edited = editMessage(thread, thread.messages[0]!.id, 'Check this source.', editor, at(3))
    expect(edited.messages[0]).toMatchObject({ text: 'Check this source.', editedAt: at(3) })
  })

  it('do not resolve twice', () => {
    const resolved = resolveThread(startThread('q', 'c', editor), writer)
    expect(() => resolveThread(resolved, writer)).toThrow('already resolved')
  })
})
