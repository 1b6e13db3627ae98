import type { Editor } from '@tiptap/core'
import { MessageSquarePlus, PencilLine } from 'lucide-react'
import { useEffect } from 'react'
import { ToolButton } from '../../editor/toolbar/ToolButton'
import { useReview } from '../ReviewContext'
import { onWindowKey } from '../../shell/window-keys'
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
    return onWindowKey(onKey)
  }, [profile, setSuggesting])
  return (
    <>
      <ToolButton label="Comment" shortcut={COMMENT_SHORTCUT} disabled={!profile} onClick={() => editor.storage.reviewEditing.onComment()}>
        <MessageSquarePlus size={16} aria-hidden="true" />
      </ToolButton>
      <ToolButton label="Suggestion mode" shortcut={SUGGEST_SHORTCUT} pressed={suggesting} disabled={!profile} className="suggest-toggle" onClick={() => setSuggesting((on) => !on)}>
        <PencilLine size={16} aria-hidden="true" />
        {suggesting && <span className="suggest-label">Suggesting</span>}
      </ToolButton>
    </>
  )
}
