import { shortcuts, type ShortcutId } from '../../../shared/shortcuts'

/**
 * Shortcuts are written the way Tiptap binds them ("Mod-Shift-b", the table in
 * src/shared/shortcuts.ts) and shown the way the platform writes them:
 * Ctrl+Shift+B, or ⌘⇧B on a Mac.
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

/** The keys of a command in the shared table. */
export const keysOf = (id: ShortcutId): string => shortcuts[id].keys

/**
 * True when the event is exactly these keys. The key is also read by position
 * (KeyE, Digit8, Slash), as Shift and a Mac's Option change the character typed.
 */
export function matchesKeys(event: KeyboardEvent | React.KeyboardEvent, keys: string): boolean {
  const all = keys.split('-')
  const key = all.pop() ?? ''
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (mod !== all.includes('Mod') || event.shiftKey !== all.includes('Shift') || event.altKey !== all.includes('Alt')) return false
  if (event.key.toLowerCase() === key.toLowerCase()) return true
  const code = key.length === 1 ? (/[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : /\d/.test(key) ? `Digit${key}` : key === '/' ? 'Slash' : '') : ''
  return code !== '' && event.code === code
}

