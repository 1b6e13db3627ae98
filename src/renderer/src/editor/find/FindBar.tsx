import type { Editor } from '@tiptap/core'
import type { Command } from '@tiptap/pm/state'
import { useEditorState } from '@tiptap/react'
import { findNext, findPrev, getMatchHighlights, replaceAll, replaceNext, SearchQuery, setSearchState } from 'prosemirror-search'
import { useEffect, useRef, useState } from 'react'
import { withShortcut } from '../shortcuts'

interface Props {
  editor: Editor
  /** Changes each time Ctrl/Cmd+F is pressed again, to bring focus back to the search box. */
  focusRequest: number
  onClose: () => void
}

const pluralRules = new Intl.PluralRules('en')
/** "3 matches" before the first step to one, "2 of 3" on one. */
const countText = (current: number, total: number): string =>
  total === 0 ? 'No matches' : current > 0 ? `${current} of ${total}` : `${total} ${pluralRules.select(total) === 'one' ? 'match' : 'matches'}`

function matchPosition(editor: Editor): { total: number; current: number } {
  const { state } = editor
  const matches = getMatchHighlights(state).find()
  const index = matches.findIndex((match) => match.from === state.selection.from && match.to === state.selection.to)
  return { total: matches.length, current: index + 1 }
}

/** Find and replace in the open article; matches are highlighted in the text as you type. */
export function FindBar({ editor, focusRequest, onClose }: Props): React.JSX.Element {
  const [find, setFind] = useState('')
  const [replace, setReplace] = useState('')
  const [caseSensitive, setCaseSensitive] = useState(false)
  const findInput = useRef<HTMLInputElement>(null)
  const { total, current } = useEditorState({ editor, selector: ({ editor: e }) => matchPosition(e) })

  useEffect(() => {
    findInput.current?.focus()
    findInput.current?.select()
  }, [focusRequest])

  useEffect(() => {
    const query = new SearchQuery({ search: find, replace, caseSensitive, literal: true })
    editor.view.dispatch(setSearchState(editor.state.tr, query))
  }, [editor, find, replace, caseSensitive])

  useEffect(
    () => () => {
      if (!editor.isDestroyed) editor.view.dispatch(setSearchState(editor.state.tr, new SearchQuery({ search: '' })))
    },
    [editor]
  )

  const run = (command: Command) => (): void => {
    command(editor.state, editor.view.dispatch, editor.view)
  }
  const close = (): void => {
    onClose()
    editor.commands.focus()
  }
  const keys = (onEnter: () => void, onShiftEnter?: () => void) => (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') close()
    else if (event.key === 'Enter') (event.shiftKey && onShiftEnter ? onShiftEnter : onEnter)()
    else return
    event.preventDefault()
  }

  return (
    <div className="find-bar" role="search" aria-label="Find and replace">
      <input
        ref={findInput}
        type="search"
        aria-label="Find"
        placeholder="Find"
        value={find}
        onChange={(event) => setFind(event.target.value)}
        onKeyDown={keys(run(findNext), run(findPrev))}
      />
      <span className="find-count" aria-live="polite">
        {find ? countText(current, total) : ''}
      </span>
      <button type="button" className="ghost" aria-label="Previous match" title={withShortcut('Previous match', 'Shift-Enter')} onClick={run(findPrev)}>
        ↑
      </button>
      <button type="button" className="ghost" aria-label="Next match" title={withShortcut('Next match', 'Enter')} onClick={run(findNext)}>
        ↓
      </button>
      <label className="find-option">
        <input type="checkbox" checked={caseSensitive} onChange={(event) => setCaseSensitive(event.target.checked)} /> Match case
      </label>
      <input
        type="text"
        aria-label="Replace with"
        placeholder="Replace with"
        value={replace}
        onChange={(event) => setReplace(event.target.value)}
        onKeyDown={keys(run(replaceNext))}
      />
      <button type="button" onClick={run(replaceNext)} disabled={total === 0}>
        Replace
      </button>
      <button
        type="button"
        onClick={() => {
          run(replaceAll)()
          // The button disables itself (no matches left): the search box keeps the keyboard, so Escape still closes.
          findInput.current?.focus()
        }}
        disabled={total === 0}
      >
        Replace all
      </button>
      <button type="button" className="ghost" aria-label="Close find" title={withShortcut('Close', 'Escape')} onClick={close}>
        ×
      </button>
    </div>
  )
}
