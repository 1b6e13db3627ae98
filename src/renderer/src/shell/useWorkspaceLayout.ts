import { useCallback, useMemo, useState, useSyncExternalStore } from 'react'
import { useCommand } from './useCommand'

/**
 * Below these window widths a panel starts closed, so the writing column
 * keeps its width: the details go first, then the library.
 */
export const PANEL_BREAKPOINTS = { library: 900, details: 1200 } as const
type Panel = keyof typeof PANEL_BREAKPOINTS

function useWiderThan(width: number): boolean {
  const list = useMemo(() => window.matchMedia(`(min-width: ${width}px)`), [width])
  // The same function while the query is: a new one on each render made React drop and add the listener every time the window drew.
  const subscribe = useCallback(
    (changed: () => void) => {
      list.addEventListener('change', changed)
      return () => list.removeEventListener('change', changed)
    },
    [list]
  )
  return useSyncExternalStore(subscribe, () => list.matches)
}

/** A choice the writer made, kept while the window stays on the same side of the panel's breakpoint. */
interface Choice {
  open: boolean
  wide: boolean
}

export interface WorkspaceLayout {
  library: boolean
  details: boolean
  focus: boolean
  toggle: (panel: Panel) => void
  toggleFocus: () => void
}

/**
 * Which side panels show, and focus mode (only the text). Each panel follows
 * the window's width until the writer opens or closes it; that choice holds
 * until the window crosses the breakpoint again.
 */
export function useWorkspaceLayout(): WorkspaceLayout {
  const wide = { library: useWiderThan(PANEL_BREAKPOINTS.library), details: useWiderThan(PANEL_BREAKPOINTS.details) }
  const [choices, setChoices] = useState<Partial<Record<Panel, Choice>>>({})
  const [focus, setFocus] = useState(false)
  const isOpen = (panel: Panel): boolean => {
    const choice = choices[panel]
    return choice && choice.wide === wide[panel] ? choice.open : wide[panel]
  }
  const library = isOpen('library')
  const details = isOpen('details')
  const wideLibrary = wide.library
  const wideDetails = wide.details

  // One object while nothing in it changes: the workspace's status bar shows its buttons, and an autosave
  // (which redraws the window's frame) must not redraw the workspace for an equal layout.
  const layout = useMemo(() => {
    const toggle = (panel: Panel): void => {
      setFocus(false)
      const open = panel === 'library' ? library : details
      setChoices((all) => ({ ...all, [panel]: { open: !open, wide: panel === 'library' ? wideLibrary : wideDetails } }))
    }
    const toggleFocus = (): void => setFocus((on) => !on)
    return { library: library && !focus, details: details && !focus, focus, toggle, toggleFocus }
  }, [library, details, focus, wideLibrary, wideDetails, setFocus, setChoices])

  useCommand('toggleLibrary', () => layout.toggle('library'))
  useCommand('toggleDetails', () => layout.toggle('details'))
  useCommand('focusMode', layout.toggleFocus)

  return layout
}
