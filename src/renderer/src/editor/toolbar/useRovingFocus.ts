import { useEffect, type RefObject } from 'react'

// What the toolbar's own controls are; the items of a menu one of them opened are the menu's business.
const itemSelector = 'button, select, input'
const items = (bar: HTMLElement): HTMLElement[] =>
  [...bar.querySelectorAll<HTMLElement>(itemSelector)].filter(
    (el) => !(el as HTMLButtonElement).disabled && !el.closest('[role="menu"], [role="listbox"], [role="dialog"]') && el.getClientRects().length > 0
  )

/**
 * The WAI-ARIA toolbar pattern: the toolbar is one tab stop (the control used
 * last), Left and Right move between its controls, wrapping, and Home and End
 * go to the first and the last. Controls come and go (review tools, disabled
 * undo), so tab stops are set again whenever the toolbar's content changes.
 */
export function useRovingFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const bar = ref.current
    if (!bar) return
    let current: HTMLElement | null = null
    const settle = (): void => {
      const all = items(bar)
      if (!current || !all.includes(current)) current = all[0] ?? null
      for (const el of bar.querySelectorAll<HTMLElement>(itemSelector)) {
        const tabIndex = el === current ? '0' : '-1'
        if (el.getAttribute('tabindex') !== tabIndex && !el.closest('[role="menu"], [role="listbox"], [role="dialog"]')) el.setAttribute('tabindex', tabIndex)
      }
    }
    const onFocusIn = (event: FocusEvent): void => {
      const target = event.target as HTMLElement
      if (!items(bar).includes(target)) return
      current = target
      settle()
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const all = items(bar)
      const at = all.indexOf(event.target as HTMLElement)
      if (at < 0) return
      const to =
        event.key === 'ArrowRight' ? (at + 1) % all.length
        : event.key === 'ArrowLeft' ? (at - 1 + all.length) % all.length
        : event.key === 'Home' ? 0
        : event.key === 'End' ? all.length - 1
        : null
      if (to === null) return
      // Also keeps a focused select from changing its value with Left and Right.
      event.preventDefault()
      all[to]!.focus()
    }
    settle()
    const observer = new MutationObserver(settle)
    observer.observe(bar, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
    bar.addEventListener('focusin', onFocusIn)
    bar.addEventListener('keydown', onKeyDown)
    return () => {
      observer.disconnect()
      bar.removeEventListener('focusin', onFocusIn)
      bar.removeEventListener('keydown', onKeyDown)
    }
  }, [ref])
}
