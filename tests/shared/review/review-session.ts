import type { Article } from '../../../src/shared/article/article'
import type { BodyDoc } from '../../../src/shared/article/body'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { Actor } from '../../../src/shared/review/actor'
import { anchorComment } from '../../../src/shared/review/comment-anchors'
import { startThread, withThread } from '../../../src/shared/review/comment-threads'
import { fixtureState, find, select, suggest } from './editing'

/** When the review happens: before anything the tests answer with. */
const REVIEW_TIME = '2026-03-02T10:00:00.000Z'

/**
 * One person's review of a stored article, done the way the editor does it:
 * edits in suggestion mode and comments anchored on words.
 */
export class ReviewSession {
  private state: EditorState

  constructor(
    private article: Article,
    private readonly actor: Actor
  ) {
    this.state = fixtureState([], article.body)
  }

  /** Suggests replacing (or, with '', deleting) the `nth` occurrence of `words`. */
  replace(words: string, by: string, nth = 0): this {
    const { from, to } = find(this.state.doc, words, nth)
    this.state = suggest(select(this.state, from, to), this.actor, (s: EditorState): Transaction =>
      by ? s.tr.insertText(by) : s.tr.deleteSelection()
    )
    return this
  }

  /** Starts a thread on `words`; returns its id through `onThread`. */
  comment(words: string, text: string, onThread?: (id: string) => void): this {
    const thread = startThread(words, text, this.actor, REVIEW_TIME)
    const { from, to } = find(this.state.doc, words)
    const tr = this.state.tr
    anchorComment(tr, from, to, thread.id)
    this.state = this.state.apply(tr)
    this.article = withThread(this.article, thread)
    onThread?.(thread.id)
    return this
  }

  done(): Article {
    return { ...this.article, body: this.state.doc.toJSON() as BodyDoc }
  }
}

/** An ordinary edit, outside suggestion mode: replaces the `nth` occurrence of `words`. */
export function editDirectly(article: Article, words: string, by: string, nth = 0): Article {
  const state = fixtureState([], article.body)
  const { from, to } = find(state.doc, words, nth)
  const tr = by ? state.tr.insertText(by, from, to) : state.tr.delete(from, to)
  return { ...article, body: state.apply(tr).doc.toJSON() as BodyDoc }
}
