import type { Editor } from '@tiptap/core'
import { describeSuggestion } from '../../../../shared/review/bundle/merge-conflict'
import { findSuggestions } from '../../../../shared/review/find-suggestions'
import { sameJson, useSettledEditorState } from '../../editor/useSettledEditorState'
import { authorClass } from '../editing/author-colour'
import { useDecide } from '../editing/useDecide'
import { when } from '../editing/when'

/** Every pending suggestion in the open article, to accept or reject one by one or all at once. */
export function SuggestionsList({ editor }: { editor: Editor }): React.JSX.Element {
  const decide = useDecide()
  // Read after the frame is drawn, not inside each keystroke: findSuggestions walks the whole body.
  const suggestions = useSettledEditorState(
    editor,
    (e) => findSuggestions(e.state.doc).map((s) => ({ id: s.id, author: s.author, at: s.at, description: describeSuggestion(s) })),
    sameJson
  )
  if (suggestions.length === 0) return <p className="review-muted">No pending suggestions.</p>
  return (
    <>
      <div className="comment-actions">
        <button type="button" onClick={() => decide('accept', () => true)}>
          Accept all
        </button>
        <button type="button" onClick={() => decide('reject', () => true)}>
          Reject all
        </button>
      </div>
      <ul className="suggestions-list" aria-label="Suggestions">
        {suggestions.map((suggestion) => {
          const summary = `${suggestion.author}: ${suggestion.description}`
          return (
            <li key={suggestion.id} data-suggestion={suggestion.id}>
              <p>
                <span className={`author-dot ${authorClass(suggestion.author)}`} aria-hidden="true" />
                <strong>{suggestion.author}</strong> <span className="review-muted">{when(suggestion.at)}</span>
              </p>
              <p>{suggestion.description}</p>
              <div className="comment-actions">
                <button type="button" aria-label={`Accept ${summary}`} onClick={() => decide('accept', (id) => id === suggestion.id)}>
                  Accept
                </button>
                <button type="button" aria-label={`Reject ${summary}`} onClick={() => decide('reject', (id) => id === suggestion.id)}>
                  Reject
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </>
  )
}
