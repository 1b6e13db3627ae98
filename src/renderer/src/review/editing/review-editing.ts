import { Extension, type Editor } from '@tiptap/core'
import type { Actor } from '../../../../shared/review/actor'
import { trackChanges } from '../../../../shared/review/track-changes'
import { shortcuts } from '../../../../shared/shortcuts'

export interface ReviewEditingStorage {
  /** Suggestion mode: edits are recorded as suggestions by `actor`. */
  suggesting: boolean
  actor: Actor | null
  /** Part of an edit could not be recorded as a suggestion and was left out. */
  onRefused: () => void
  onComment: () => void
}

declare module '@tiptap/core' {
  interface Storage {
    reviewEditing: ReviewEditingStorage
  }
}

/** Hands the editor's review behaviour the current profile, mode and callbacks. */
export function configureReviewEditing(editor: Editor, settings: ReviewEditingStorage): void {
  Object.assign(editor.storage.reviewEditing, settings)
}

export const COMMENT_SHORTCUT = shortcuts.comment.keys
/** S for "suggest". Works anywhere in the window (ReviewToolButtons). */
export const SUGGEST_SHORTCUT = shortcuts.suggest.keys
/** By key position: with Alt held, a Mac types "ß" for S. */
export const isSuggestShortcut = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyS'

/**
 * Review inside the editor. In suggestion mode every transaction goes through
 * trackChanges before it reaches the document, so typing, deleting, pasting
 * and the editor's own commands all become suggestions; accepting, rejecting
 * and anchoring comments mark their transactions DIRECT_EDIT_META and pass.
 * The React side (ReviewRail) keeps the storage in step with the profile and
 * the toggle.
 */
export const ReviewEditing = Extension.create<object, ReviewEditingStorage>({
  name: 'reviewEditing',
  addStorage: () => ({ suggesting: false, actor: null, onRefused: () => undefined, onComment: () => undefined }),
  dispatchTransaction({ transaction, next }) {
    const { suggesting, actor, onRefused } = this.storage
    const { state } = this.editor
    if (!suggesting || !actor || !transaction.before.eq(state.doc)) return next(transaction)
    const tracked = trackChanges(state, transaction, { actor })
    if (tracked.refused) onRefused()
    next(tracked.transaction)
  },
  addKeyboardShortcuts() {
    return {
      [COMMENT_SHORTCUT]: () => {
        this.storage.onComment()
        return true
      }
    }
  }
})
