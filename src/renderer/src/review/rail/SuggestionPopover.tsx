import type { Editor } from '@tiptap/core'
import { useLayoutEffect, useRef } from 'react'
import { describeSuggestion } from '../../../../shared/review/bundle/merge-conflict'
import { findSuggestions } from '../../../../shared/review/find-suggestions'
import { roleLabel } from '../profile/useProfile'
import { useDecide } from '../editing/useDecide'
import { when } from '../editing/when'

export interface PopoverAt {
  id: string
  /** The clicked words' box, in window coordinates. */
  left: number
  top: number
  bottom: number
}

const MARGIN = 8

/** Accept or reject the suggestion that was clicked, right under it. */
export function SuggestionPopover({ editor, at, onClose }: { editor: Editor; at: PopoverAt; onClose: () => void }): React.JSX.Element | null {
  const decide = useDecide()
  const ref = useRef<HTMLDivElement>(null)
  // Under the words if it fits in the window, else above them.
  useLayoutEffect(() => {
    const box = ref.current
    if (!box) return
    const { offsetHeight: height, offsetWidth: width } = box
    const below = at.bottom + 4
    box.style.top = `${below + height + MARGIN <= window.innerHeight ? below : Math.max(MARGIN, at.top - height - 4)}px`
    box.style.left = `${Math.max(MARGIN, Math.min(at.left, window.innerWidth - width - MARGIN))}px`
  }, [at])
  const suggestion = findSuggestions(editor.state.doc).find((s) => s.id === at.id)
  if (!suggestion) return null
  const act = (decision: 'accept' | 'reject'): void => {
    decide(decision, (id) => id === at.id)
    onClose()
  }
  return (
    <div
      className="suggestion-popover"
      role="dialog"
      aria-label="Suggestion"
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <p>
        <strong>{suggestion.author}</strong> ({roleLabel(suggestion.role)}, {when(suggestion.at)}) suggests to {describeSuggestion(suggestion)}.
      </p>
      <div className="comment-actions">
        <button type="button" className="primary" autoFocus onClick={() => act('accept')}>
          Accept
        </button>
        <button type="button" onClick={() => act('reject')}>
          Reject
        </button>
        <button type="button" className="ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
    </div>
  )
}
