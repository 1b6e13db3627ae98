import { useState } from 'react'

interface Props {
  quote: string
  onSubmit: (text: string) => void
  onCancel: () => void
}

/** The first message of a new thread, next to the words it is about. */
export function CommentComposer({ quote, onSubmit, onCancel }: Props): React.JSX.Element {
  const [text, setText] = useState('')
  return (
    <form
      className="comment-thread comment-composer is-active"
      data-thread-id="new"
      aria-label="New comment"
      onSubmit={(event) => {
        event.preventDefault()
        if (text.trim()) onSubmit(text)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <p className="review-muted comment-quote">On “{quote.length > 80 ? `${quote.slice(0, 79)}…` : quote}”</p>
      <textarea autoFocus aria-label="Comment" placeholder="Write a comment…" rows={3} value={text} maxLength={10_000} onChange={(event) => setText(event.target.value)} />
      <div className="comment-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!text.trim()}>
          Comment
        </button>
      </div>
    </form>
  )
}
