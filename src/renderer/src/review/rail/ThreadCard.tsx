import { useState } from 'react'
import { isResolved, reopenThread, reply, resolveThread } from '../../../../shared/review/comment-threads'
import type { CommentThread } from '../../../../shared/review/comment-thread-schema'
import { authorClass } from '../editing/author-colour'
import { when } from '../editing/when'
import { roleLabel } from '../profile/useProfile'
import { useReview } from '../ReviewContext'

interface Props {
  thread: CommentThread
  /** False when the words it was on were deleted: the quote is all that is left of them. */
  anchored: boolean
  active: boolean
  onActivate: () => void
}

/** One comment thread in the rail: its messages, a reply box, resolve and reopen. */
export function ThreadCard({ thread, anchored, active, onActivate }: Props): React.JSX.Element {
  const { profile, changeThreads, onError } = useReview()
  const [draft, setDraft] = useState('')
  const resolved = isResolved(thread)
  const change = (update: (t: CommentThread) => CommentThread): void => {
    try {
      const next = update(thread)
      changeThreads((threads) => threads.map((t) => (t.id === thread.id ? next : t)))
    } catch (error) {
      onError(error)
    }
  }
  const first = thread.messages[0]!
  return (
    <article
      className={`comment-thread${active ? ' is-active' : ''}${resolved ? ' is-resolved' : ''}`}
      data-thread-id={thread.id}
      aria-label={`Comment by ${first.author.name} on “${thread.quote}”`}
      onFocus={onActivate}
      onClick={onActivate}
    >
      {!anchored && <p className="review-muted comment-lost">The text this comment was on was deleted: “{thread.quote}”</p>}
      <ol className="comment-messages">
        {thread.messages.map((message) => (
          <li key={message.id}>
            <p className="comment-meta">
              <span className={`author-dot ${authorClass(message.author.name)}`} aria-hidden="true" />
              <strong>{message.author.name}</strong> · {roleLabel(message.author.role)}
              <time dateTime={message.at}>{when(message.at)}</time>
            </p>
            <p className="comment-text">{message.text}</p>
          </li>
        ))}
      </ol>
      {resolved ? (
        <div className="comment-actions">
          <span className="review-muted">Resolved by {thread.resolution!.by.name}</span>
          <button type="button" disabled={!profile} onClick={() => profile && change((t) => reopenThread(t, profile))}>
            Reopen
          </button>
        </div>
      ) : (
        <form
          className="comment-reply"
          onSubmit={(event) => {
            event.preventDefault()
            if (!profile || !draft.trim()) return
            change((t) => reply(t, draft, profile))
            setDraft('')
          }}
        >
          <textarea aria-label="Reply" placeholder="Reply…" rows={1} value={draft} maxLength={10_000} onChange={(event) => setDraft(event.target.value)} />
          <div className="comment-actions">
            <button type="submit" disabled={!draft.trim()}>
              Reply
            </button>
            <button type="button" disabled={!profile} onClick={() => profile && change((t) => resolveThread(t, profile))}>
              Resolve
            </button>
          </div>
        </form>
      )}
    </article>
  )
}
