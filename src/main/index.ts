import { join } from 'node:path'
import { app, Menu, nativeTheme, type BrowserWindow } from 'electron'
import { ipcEventChannel, type EventName, type EventPayload } from '../shared/ipc/contract'
import { createHandlers } from './ipc/handlers'
import { registerIpc } from './ipc/register'
import { menuTemplate } from './menu-template'
import { hardenWebContents, makeSenderCheck } from './security/harden'
import { openSettingsStore, type SettingsStore } from './settings/settings-store'
import { createMainWindow, isAppUrl } from './window'

let mainWindow: BrowserWindow | null = null

function send<E extends EventName>(name: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(ipcEventChannel(name), payload)
}

function openWindow(settings: SettingsStore): void {
  mainWindow = createMainWindow(settings)
  mainWindow.on('closed', () => (mainWindow = null))
}

async function start(): Promise<void> {
  const settings = await openSettingsStore(app.getPath('userData'))
  const libraryPath = settings.get().lastLibrary ?? join(app.getPath('userData'), 'Library')

  hardenWebContents(isAppUrl)
  registerIpc(
    createHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      settings,
      libraryPath
    }),
    makeSenderCheck(isAppUrl)
  )

  const refreshMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            send: (command) => send('menu', command),
            currentTheme: () => settings.get().theme,
            setTheme: (theme) => void settings.update({ theme }),
            isDark: () => nativeTheme.shouldUseDarkColors
          },
          process.platform,
          Boolean(process.env['ELECTRON_RENDERER_URL'])
        )
      )
    )
  nativeTheme.themeSource = settings.get().theme
  settings.subscribe((next) => {
    // The renderer follows nativeTheme through prefers-color-scheme.
    nativeTheme.themeSource = next.theme
    refreshMenu()
    send('settingsChanged', next)
  })
  refreshMenu()

  openWindow(settings)
  app.on('activate', () => {
    if (!mainWindow) openWindow(settings)
  })
}

// Lets tests and power users run an isolated profile.
if (process.env['COPYDESK_USER_DATA']) app.setPath('userData', process.env['COPYDESK_USER_DATA'])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.whenReady().then(start, (error: unknown) => {
    console.error('[copydesk] failed to start', error)
    app.exit(1)
  })
}
