import type { MenuItemConstructorOptions } from 'electron'

/** The parts of Electron's context-menu event this menu needs. */
export interface ContextMenuParams {
  misspelledWord: string
  dictionarySuggestions: string[]
  isEditable: boolean
  selectionText: string
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
}

/**
 * Right-click menu: spelling suggestions from the system spellchecker first,
 * then the clipboard roles. Kept free of Electron values so it can be tested.
 */
export function contextMenuTemplate(params: ContextMenuParams, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 6)
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false })
    for (const suggestion of suggestions) {
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) })
    }
    items.push(
      { label: `Add “${params.misspelledWord}” to Dictionary`, click: () => actions.addToDictionary(params.misspelledWord) },
      { type: 'separator' }
    )
  }
  if (params.isEditable) {
    items.push({ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' })
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy' })
  }
  return items
}
