import { useCallback } from 'react'
import { decideSuggestions, decisionRecord, type Decision } from '../../../../shared/review/decide-suggestions'
import { DIRECT_EDIT_META } from '../../../../shared/review/track-changes'
import { useReview } from '../ReviewContext'

/**
 * Accepts or rejects suggestions in the open editor, as one undoable step
 * that suggestion mode lets through, and records who decided.
 */
export function useDecide(): (decision: Decision, select: (id: string) => boolean) => void {
  const { editor, profile, recordDecisions } = useReview()
  return useCallback(
    (decision, select) => {
      if (!editor || !profile) return
      const tr = editor.state.tr.setMeta(DIRECT_EDIT_META, true)
      const decided = decideSuggestions(tr, decision, select)
      if (decided.length === 0) return
      editor.view.dispatch(tr)
      recordDecisions(decided.map((suggestion) => decisionRecord(suggestion, decision, profile)))
    },
    [editor, profile, recordDecisions]
  )
}
