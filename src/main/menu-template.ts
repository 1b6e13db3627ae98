import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc/contract'
import type { Theme } from '../shared/settings'

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
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
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
        command('New Article', 'new-article', 'CmdOrCtrl+N'),
        command('Open Library…', 'open-library', 'CmdOrCtrl+O'),
        { type: 'separator' },
        command('Save', 'save', 'CmdOrCtrl+S'),
        { type: 'separator' },
        command('Export as HTML…', 'export-html', 'CmdOrCtrl+E'),
        command('Export as Markdown…', 'export-markdown', 'CmdOrCtrl+Shift+E'),
        command('Export to Site…', 'export-site', 'CmdOrCtrl+Alt+E'),
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
        command('Find and Replace…', 'find', 'CmdOrCtrl+F')
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
          accelerator: 'CmdOrCtrl+Shift+D',
          click: () => actions.setTheme(actions.isDark() ? 'light' : 'dark')
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ role: 'toggleDevTools' as const }] : [])
      ]
    },
    { role: 'windowMenu' }
  ]
}
