import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc/contract'
import type { Theme } from '../shared/settings'
import { accelerator, shortcuts, type ShortcutId } from '../shared/shortcuts'

export interface MenuActions {
  send(command: MenuCommand): void
  setTheme(theme: Theme): void
  currentTheme(): Theme
  /** Whether the window is dark right now (the OS decides when the theme is "system"). */
  isDark(): boolean
}

/**
 * The native menu's template; commands that concern the document are
 * forwarded to the renderer. Kept free of Electron values so it can be tested.
 */
export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  // The window answers these keys itself (src/renderer keyboard handlers), so the menu only shows
  // them: registered too, one press could arrive twice and a toggle would undo itself.
  const command = (label: string, cmd: MenuCommand, id: ShortcutId): MenuItemConstructorOptions => ({
    label,
    accelerator: accelerator(shortcuts[id].keys),
    registerAccelerator: false,
    click: () => actions.send(cmd)
  })
  const theme = (label: string, value: Theme): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: actions.currentTheme() === value,
    click: () => actions.setTheme(value)
  })

  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('New Article', 'new-article', 'newArticle'),
        command('Open Library…', 'open-library', 'openLibrary'),
        { type: 'separator' },
        command('Save', 'save', 'save'),
        { type: 'separator' },
        command('Export as HTML…', 'export-html', 'exportHtml'),
        command('Export as Markdown…', 'export-markdown', 'exportMarkdown'),
        command('Export to Site…', 'export-site', 'exportSite'),
        { type: 'separator' },
        command('Sync Now', 'sync-now', 'syncNow'),
        { label: 'Share This Library…', click: () => actions.send('share-library') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Find and Replace…', 'find', 'find')
      ]
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [theme('Follow System', 'system'), theme('Light', 'light'), theme('Dark', 'dark')]
        },
        {
          label: 'Toggle Dark Mode',
          accelerator: accelerator(shortcuts.darkMode.keys),
          click: () => actions.setTheme(actions.isDark() ? 'light' : 'dark')
        },
        { type: 'separator' },
        command('Show or Hide Library', 'toggle-library', 'toggleLibrary'),
        command('Show or Hide Details', 'toggle-details', 'toggleDetails'),
        command('Focus Mode', 'focus-mode', 'focusMode'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ role: 'toggleDevTools' as const }] : [])
      ]
    },
    { role: 'windowMenu' },
    {
      label: '&Help',
      submenu: [command('Keyboard Shortcuts', 'show-shortcuts', 'shortcutSheet')]
    }
  ]
}
