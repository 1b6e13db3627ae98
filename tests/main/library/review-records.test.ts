import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { CommentThread } from '../../../src/shared/review/comment-thread-schema'
import type { SuggestionDecision } from '../../../src/shared/review/suggestion-decision-schema'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { openLibrary } from '../../../src/main/library/library'
import { editor, writer } from '../../shared/review/actors'
import { useHandlerServices } from './handler-services'

const ctx: HandlerContext = { emit: () => undefined }
const env = useHandlerServices()
const call = (name: string, payload?: unknown) => dispatch(createHandlers(env.services), name, payload, ctx)

const thread = (id: string, messages: [string, string][]): CommentThread => ({
  id,
  quote: 'streaming',
  messages: messages.map(([messageId, text], i) => ({ id: messageId, author: i % 2 ? editor : writer, at: `2026-03-02T10:0${i}:00.000Z`, text })),
  resolution: null
})
const decision = (id: string): SuggestionDecision => ({
  id,
  decision: 'accepted',
  by: editor,
  at: '2026-03-02T11:00:00.000Z',
  suggestedBy: writer.name,
  inserted: 'new words',
  deleted: ''
})

/** An article with two comment threads and two decisions, saved the way the editor saves them. */
async function reviewed(): Promise<Article> {
  const created = await call('createArticle', { title: 'Streaming wars' })
  if (!created.ok) throw new Error(created.error.message)
  const { id } = created.value as Article
  const saved = await call('saveArticle', {
    id,
    changes: {
      comments: [thread('t-one', [['m-1', 'Source?'], ['m-2', 'Added a link.']]), thread('t-two', [['m-3', 'Too long.']])],
      suggestionDecisions: [decision('s-one'), decision('s-two')]
    }
  })
  if (!saved.ok) throw new Error(saved.error.message)
  // As stored, body included: a save's answer leaves out the body the editor holds.
  return env.services.library.getArticle(id)
}

/** The article as the next start of the app reads it from disk. */
async function onDisk(id: string): Promise<Article> {
  const reopened = await openLibrary(env.services.library.dir, 'existing', { indexNow: false })
  try {
    return await reopened.getArticle(id)
  } finally {
    await reopened.close()
  }
}

describe('saving never shrinks an article’s review record', () => {
  it('reads a key whose value is undefined as absent: comments and decisions stay', async () => {
    const before = await reviewed()
    for (const changes of [{ suggestionDecisions: undefined }, { comments: undefined }, { comments: undefined, suggestionDecisions: undefined, dek: 'A new dek' }]) {
      const result = await call('saveArticle', { id: before.id, changes })
      expect(result.ok).toBe(true)
    }
    const after = await onDisk(before.id)
    expect(after.dek).toBe('A new dek')
    expect(after.comments).toEqual(before.comments)
    expect(after.suggestionDecisions).toEqual(before.suggestionDecisions)
  })

  it('keeps threads, replies and decisions a save leaves out, and takes the replies and resolutions it adds', async () => {
    const before = await reviewed()
    const [one] = before.comments!
    const resolved: CommentThread = {
      ...one!,
      messages: [one!.messages[0]!, { id: 'm-4', author: editor, at: '2026-03-02T12:00:00.000Z', text: 'Thanks.' }],
      resolution: { resolved: true, by: editor, at: '2026-03-02T12:00:00.000Z' }
    }
    // An older copy in another window: one thread, one reply missing, no decisions.
    for (const changes of [{ comments: [] }, { suggestionDecisions: [] }, { comments: [resolved] }, { comments: [{ ...resolved, resolution: null }] }]) {
      const result = await call('saveArticle', { id: before.id, changes })
      expect(result.ok).toBe(true)
    }
    const after = await onDisk(before.id)
    expect(after.suggestionDecisions).toEqual(before.suggestionDecisions)
    expect(after.comments?.map((t) => t.id)).toEqual(['t-one', 't-two'])
    expect(after.comments?.[0]?.messages.map((m) => m.id)).toEqual(['m-1', 'm-2', 'm-4'])
    expect(after.comments?.[0]?.resolution).toEqual(resolved.resolution)
    expect(after.comments?.[1]).toEqual(before.comments?.[1])
  })

  it('never lets a save send `undefined` over the title or body: the article stays whole', async () => {
    const before = await reviewed()
    const result = await call('saveArticle', { id: before.id, changes: { title: undefined, body: undefined, slug: undefined } })
    expect(result).toMatchObject({ ok: true })
    const after = await onDisk(before.id)
    expect(after).toMatchObject({ title: before.title, body: before.body, slug: before.slug })
  })
})
