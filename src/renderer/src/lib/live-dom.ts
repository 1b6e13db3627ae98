import { useLayoutEffect, useRef } from 'react'
import { cancelDraw, drawWithNextKey } from './after-typing'

/** What useLiveDom follows: a current value and a way to hear of changes (LiveValue, ArticleSaver). */
export interface Followed<T> {
  get(): T
  subscribe(listener: () => void): () => void
}

/**
 * Draws a value that changes while people type (the word count, the save state) by writing to its element
 * directly instead of through React state. Every React commit makes React DOM read the selection's offsets in
 * the focused editor, walking the body's nodes in document order up to the caret, and a commit during a key
 * delays that key's frame; a text write costs neither. Drawn first in a layout effect, so before any paint; each
 * change after that with the next key, while people type (after-typing.ts).
 */
export function useLiveDom<T, E extends HTMLElement>(followed: Followed<T>, draw: (element: E, value: T) => void) {
  const ref = useRef<E>(null)
  const drawing = useRef(draw)
  useLayoutEffect(() => {
    drawing.current = draw
  })
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const redraw = (): void => drawing.current(element, followed.get())
    redraw()
    const unsubscribe = followed.subscribe(() => drawWithNextKey(redraw))
    return () => {
      unsubscribe()
      cancelDraw(redraw)
    }
  }, [followed])
  return ref
}
