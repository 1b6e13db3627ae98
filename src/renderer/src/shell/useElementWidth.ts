import { useCallback, useSyncExternalStore } from 'react'

/**
 * An element's width in CSS pixels, kept current as it resizes; null until it
 * is in the page. Read as the element arrives, so what lays out by width draws
 * once, not again when the observer first reports.
 */
export function useElementWidth(element: HTMLElement | null): number | null {
  const subscribe = useCallback(
    (onResize: () => void) => {
      if (!element) return () => undefined
      const observer = new ResizeObserver(onResize)
      observer.observe(element)
      return () => observer.disconnect()
    },
    [element]
  )
  return useSyncExternalStore(subscribe, () => element?.clientWidth ?? null)
}
