/**
 * Shortcuts are written the way Tiptap binds them ("Mod-Shift-b") and shown
 * the way the platform writes them: Ctrl+Shift+B, or ⌘⇧B on a Mac.
 */
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

const macSymbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }
const words: Record<string, string> = { Mod: 'Ctrl', ArrowUp: '↑', ArrowDown: '↓', Enter: 'Enter', Backspace: 'Backspace' }
const ariaNames: Record<string, string> = { Mod: isMac ? 'Meta' : 'Control', Ctrl: 'Control' }

const parts = (keys: string): string[] => keys.split('-').map((part) => (part.length === 1 ? part.toUpperCase() : part))

export function shortcutLabel(keys: string): string {
  if (isMac) return parts(keys).map((part) => macSymbols[part] ?? words[part] ?? part).join('')
  return parts(keys).map((part) => words[part] ?? part).join('+')
}

/** For aria-keyshortcuts, which wants "Control+Shift+B". */
export const ariaShortcut = (keys: string): string => parts(keys).map((part) => ariaNames[part] ?? part).join('+')

/** "Bold (Ctrl+B)": for tooltips. */
export const withShortcut = (label: string, keys?: string): string => (keys ? `${label} (${shortcutLabel(keys)})` : label)

/** True for Ctrl+key (⌘+key on a Mac) with no other modifier. */
export const isModKey = (event: KeyboardEvent | React.KeyboardEvent, key: string): boolean =>
  (isMac ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key
