import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import { ToolButton } from '../../editor/toolbar/ToolButton'
import { useReview } from '../ReviewContext'
import { COMMENT_SHORTCUT, isSuggestShortcut, SUGGEST_SHORTCUT } from './review-editing'

/** Comment on the selection, and suggestion mode on or off; both also from the keyboard. */
export function ReviewToolButtons({ editor }: { editor: Editor }): React.JSX.Element {
  const { suggesting, setSuggesting, profile } = useReview()
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!isSuggestShortcut(event) || !profile) return
      event.preventDefault()
      setSuggesting((on) => !on)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [profile, setSuggesting])
  return (
    <>
      <ToolButton label="Comment" shortcut={COMMENT_SHORTCUT} disabled={!profile} onClick={() => editor.storage.reviewEditing.onComment()}>
        <svg className="review-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 3h11v7.5H7L4 13v-2.5H2.5z" />
        </svg>
      </ToolButton>
      <ToolButton label="Suggestion mode" shortcut={SUGGEST_SHORTCUT} pressed={suggesting} disabled={!profile} className="suggest-toggle" onClick={() => setSuggesting((on) => !on)}>
        <svg className="review-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 13l1-3.5 6.5-6.5 2.5 2.5L6.5 12z M9 4.5l2.5 2.5" />
        </svg>
        {suggesting && <span className="suggest-label">Suggesting</span>}
      </ToolButton>
    </>
  )
}
