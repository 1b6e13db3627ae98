import type { Editor } from '@tiptap/core'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { cancelIdle, whenIdle } from '../lib/idle-batch'
import { LiveValue, useLiveValue } from '../lib/live-value'

/** Equal when both hold the same keys with the same values: enough for the flags the toolbar and menus select. */
function sameFields<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/** Equal when both print the same JSON: for lists read from the document, rebuilt at every read. */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * What a toolbar, menu or side panel shows of the editor's state, read once
 * the frame a keystroke drew is on screen rather than inside the keystroke.
 * Tiptap's useEditorState runs every selector within each transaction, before
 * the browser may draw the typed character; the toolbar's marks, the text
 * style, the comment anchors and the suggestions list are as good a frame
 * later, and several transactions in one frame are read once. The component
 * redraws only when what `select` returns changes (by `same`, read once). `select` reads
 * the editor alone: a prop it closed over is picked up at the next transaction.
 */
export function useSettledEditorState<T>(editor: Editor, select: (editor: Editor) => T, same: (a: T, b: T) => boolean = sameFields): T {
  const latest = useRef(select)
  useLayoutEffect(() => {
    latest.current = select
  })
  // Starts from the editor as first drawn; another editor handed in later is read by the effect below, a frame on.
  const [live] = useState(() => new LiveValue(select(editor), same))

  useEffect(() => {
    const settle = (): void => {
      if (!editor.isDestroyed) live.set(latest.current(editor))
    }
    // After the frame is drawn, in the idle callback every settled reader shares (idle-batch.ts).
    const later = (): void => whenIdle(settle)
    editor.on('transaction', later)
    // A transaction between the first render and this effect would otherwise go unseen.
    later()
    return () => {
      editor.off('transaction', later)
      cancelIdle(settle)
    }
  }, [editor, live])

  return useLiveValue(live)
}
