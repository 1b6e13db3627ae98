import type { Article } from '../article/article'
import { UserError } from '../ipc/result'
import type { Actor } from './actor'
import { commentTextSchema, type CommentMessage, type CommentThread } from './comment-thread-schema'
import { newId, nowIso } from '../ids'

const QUOTE_MAX_LENGTH = 2000

function checkedText(text: string): string {
  const parsed = commentTextSchema.safeParse(text)
  if (!parsed.success) {
    const tooLong = text.trim().length > 0
    throw new UserError('invalid-input', tooLong ? 'The comment is too long: keep it under 10,000 characters.' : 'A comment cannot be empty.')
  }
  return parsed.data
}

const message = (text: string, author: Actor, at: string): CommentMessage => ({ id: newId(), author, at, text: checkedText(text) })

/** A new thread on `quote` (the words the comment mark covers); anchor it with anchorComment using its id. */
export function startThread(quote: string, text: string, author: Actor, at: string = nowIso()): CommentThread {
  return { id: newId(), quote: quote.slice(0, QUOTE_MAX_LENGTH), messages: [message(text, author, at)], resolution: null }
}

export const reply = (thread: CommentThread, text: string, author: Actor, at: string = nowIso()): CommentThread => ({
  ...thread,
  messages: [...thread.messages, message(text, author, at)]
})

/** Changes the text of one's own message. */
export function editMessage(thread: CommentThread, messageId: string, text: string, actor: Actor, at: string = nowIso()): CommentThread {
  const target = thread.messages.find((m) => m.id === messageId)
  if (!target) throw new UserError('not-found', 'This comment is no longer in the thread.')
  if (target.author.name !== actor.name) throw new UserError('invalid-input', `Only ${target.author.name} can change this comment.`)
  const edited = { ...target, text: checkedText(text), editedAt: at }
  return { ...thread, messages: thread.messages.map((m) => (m.id === messageId ? edited : m)) }
}

export const isResolved = (thread: CommentThread): boolean => thread.resolution?.resolved ?? false

export function resolveThread(thread: CommentThread, actor: Actor, at: string = nowIso()): CommentThread {
  if (isResolved(thread)) throw new UserError('invalid-input', 'This comment thread is already resolved.')
  return { ...thread, resolution: { resolved: true, by: actor, at } }
}

export function reopenThread(thread: CommentThread, actor: Actor, at: string = nowIso()): CommentThread {
  if (!isResolved(thread)) throw new UserError('invalid-input', 'This comment thread is open already.')
  return { ...thread, resolution: { resolved: false, by: actor, at } }
}

/** The article with `thread` added, or replacing the thread with the same id. */
export function withThread(article: Article, thread: CommentThread): Article {
  const threads = article.comments ?? []
  const known = threads.some((t) => t.id === thread.id)
  return { ...article, comments: known ? threads.map((t) => (t.id === thread.id ? thread : t)) : [...threads, thread] }
}

/** Applies `change` to one thread of the article (reply, resolve, reopen, edit). */
export function updateThread(article: Article, threadId: string, change: (thread: CommentThread) => CommentThread): Article {
  const thread = article.comments?.find((t) => t.id === threadId)
  if (!thread) throw new UserError('not-found', 'This comment thread is no longer in the article.')
  return withThread(article, change(thread))
}
