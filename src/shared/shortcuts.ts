import type { MenuCommand } from './ipc/contract'

/**
 * Every keyboard shortcut of the app, once: the native menu takes its
 * accelerators from here, the editor its tooltips and key checks, and the
 * shortcut sheet its list. Keys are written the way Tiptap binds them
 * ("Mod-Shift-e": Ctrl on Windows and Linux, ⌘ on a Mac).
 */
export type ShortcutGroup = 'File' | 'Edit' | 'View' | 'Text' | 'Blocks' | 'Review' | 'Help'

export interface Shortcut {
  label: string
  keys: string
  group: ShortcutGroup
  /** The menu command it sends, for the commands the native menu also lists. */
  menu?: MenuCommand
}

export const shortcuts = {
  newArticle: { label: 'New article', keys: 'Mod-n', group: 'File', menu: 'new-article' },
  openLibrary: { label: 'Open library…', keys: 'Mod-o', group: 'File', menu: 'open-library' },
  save: { label: 'Save', keys: 'Mod-s', group: 'File', menu: 'save' },
  exportHtml: { label: 'Export as HTML…', keys: 'Mod-Shift-e', group: 'File', menu: 'export-html' },
  exportMarkdown: { label: 'Export as Markdown…', keys: 'Mod-Shift-m', group: 'File', menu: 'export-markdown' },
  exportSite: { label: 'Export to site…', keys: 'Mod-Alt-e', group: 'File', menu: 'export-site' },
  syncNow: { label: 'Sync the shared library', keys: 'Mod-Alt-y', group: 'File', menu: 'sync-now' },

  undo: { label: 'Undo', keys: 'Mod-z', group: 'Edit' },
  redo: { label: 'Redo', keys: 'Mod-Shift-z', group: 'Edit' },
  find: { label: 'Find and replace', keys: 'Mod-f', group: 'Edit', menu: 'find' },
  link: { label: 'Add or edit a link', keys: 'Mod-k', group: 'Edit' },

  toggleLibrary: { label: 'Show or hide the library', keys: 'Mod-Shift-l', group: 'View', menu: 'toggle-library' },
  toggleDetails: { label: 'Show or hide the details', keys: 'Mod-Shift-k', group: 'View', menu: 'toggle-details' },
  focusMode: { label: 'Focus mode (only the text)', keys: 'Mod-Shift-f', group: 'View', menu: 'focus-mode' },
  darkMode: { label: 'Toggle dark mode', keys: 'Mod-Shift-d', group: 'View' },

  bold: { label: 'Bold', keys: 'Mod-b', group: 'Text' },
  italic: { label: 'Italic', keys: 'Mod-i', group: 'Text' },
  strike: { label: 'Strikethrough', keys: 'Mod-Shift-s', group: 'Text' },
  code: { label: 'Inline code', keys: 'Mod-e', group: 'Text' },

  paragraph: { label: 'Text paragraph', keys: 'Mod-Alt-0', group: 'Blocks' },
  heading2: { label: 'Heading 2', keys: 'Mod-Alt-2', group: 'Blocks' },
  heading3: { label: 'Heading 3', keys: 'Mod-Alt-3', group: 'Blocks' },
  heading4: { label: 'Heading 4', keys: 'Mod-Alt-4', group: 'Blocks' },
  bulletList: { label: 'Bulleted list', keys: 'Mod-Shift-8', group: 'Blocks' },
  orderedList: { label: 'Numbered list', keys: 'Mod-Shift-7', group: 'Blocks' },
  blockquote: { label: 'Quote', keys: 'Mod-Shift-b', group: 'Blocks' },
  codeBlock: { label: 'Code block', keys: 'Mod-Alt-c', group: 'Blocks' },
  moveBlockUp: { label: 'Move block up', keys: 'Alt-Shift-ArrowUp', group: 'Blocks' },
  moveBlockDown: { label: 'Move block down', keys: 'Alt-Shift-ArrowDown', group: 'Blocks' },
  faqNextQuestion: { label: 'FAQ: next question (in an answer)', keys: 'Mod-Enter', group: 'Blocks' },
  faqRemoveQuestion: { label: 'FAQ: remove the question', keys: 'Mod-Shift-Backspace', group: 'Blocks' },

  comment: { label: 'Comment on the selection', keys: 'Mod-Alt-m', group: 'Review' },
  suggest: { label: 'Suggestion mode on or off', keys: 'Mod-Alt-s', group: 'Review' },

  shortcutSheet: { label: 'Keyboard shortcuts', keys: 'Mod-/', group: 'Help', menu: 'show-shortcuts' }
} as const satisfies Record<string, Shortcut>

export type ShortcutId = keyof typeof shortcuts

export const shortcutGroups: ShortcutGroup[] = ['File', 'Edit', 'View', 'Text', 'Blocks', 'Review', 'Help']

const acceleratorKeys: Record<string, string> = { Mod: 'CmdOrCtrl', ArrowUp: 'Up', ArrowDown: 'Down' }

/** The Electron accelerator for a shortcut: "Mod-Shift-e" → "CmdOrCtrl+Shift+E". */
export const accelerator = (keys: string): string =>
  keys
    .split('-')
    .map((part) => acceleratorKeys[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join('+')

/** Shortcuts bound to the same keys: the table must have none. */
export function collisions(table: Record<string, Shortcut> = shortcuts): string[][] {
  const byKeys = new Map<string, string[]>()
  for (const [id, shortcut] of Object.entries(table)) {
    const key = shortcut.keys.toLowerCase()
    byKeys.set(key, [...(byKeys.get(key) ?? []), id])
  }
  return [...byKeys.values()].filter((ids) => ids.length > 1)
}
