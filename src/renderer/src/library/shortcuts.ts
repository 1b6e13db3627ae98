import { withShortcut } from '../editor/shortcuts'
import { shortcuts } from '../../../shared/shortcuts'
import { useCommand } from '../shell/useCommand'

/** "New article (Ctrl+N)": a library command's name with its keys, for tooltips. */
export const commandTitle = (id: 'newArticle' | 'openLibrary'): string => withShortcut(shortcuts[id].label, shortcuts[id].keys)

/**
 * Runs the library's commands, from the native menu or from the keyboard.
 * A modal dialog (promo manager, confirmation) owns the keyboard until it
 * closes; handlers must tolerate a repeat while busy.
 */
export function useLibraryCommands(run: (command: 'new-article' | 'open-library') => void): void {
  useCommand('newArticle', () => run('new-article'))
  useCommand('openLibrary', () => run('open-library'))
}
