import { join } from 'node:path'
import { app, Menu, nativeTheme, type BrowserWindow } from 'electron'
import { ipcEventChannel, type EventName, type EventPayload } from '../shared/ipc/contract'
import { createHandlers } from './ipc/handlers'
import type { Services } from './services'
import { registerIpc } from './ipc/register'
import { chooseLibraryFolder, MEDIA_BASE_URL, registerMediaScheme, serveMedia } from './library/electron-bridge'
import { chooseReviewBundleFile } from './library/review-dialogs'
import { openStartupLibrary } from './library/startup'
import { followLibraryChanges } from './library/switch-library'
import { chooseExportFile, chooseSiteFolder } from './site-export/electron-dialogs'
import renderWorker from './site-export/render-worker?modulePath'
import importWorker from './library/import-worker?modulePath'
import { useBundledThread } from './threads/start-thread'
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
  const services: Services = {
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, mediaBaseUrl: MEDIA_BASE_URL },
    settings,
    library: await openStartupLibrary(settings, join(app.getPath('userData'), 'Library')),
    chooseFolder: () => chooseLibraryFolder(mainWindow),
    chooseSiteFolder: (defaultPath) => chooseSiteFolder(mainWindow, defaultPath),
    chooseExportFile: (suggestedName) => chooseExportFile(mainWindow, suggestedName),
    chooseReviewBundleFile: (suggestedName) => chooseReviewBundleFile(mainWindow, suggestedName)
  }
  serveMedia(() => services.library.dir)

  hardenWebContents(isAppUrl)
  // Bulk export renders, and imports parse, on threads running the workers electron-vite bundled beside this file.
  useBundledThread('render', renderWorker)
  useBundledThread('import', importWorker)
  registerIpc(createHandlers(services), makeSenderCheck(isAppUrl))
  // Changes the CLI or a script makes reach the window as they happen.
  followLibraryChanges(services, (info) => send('libraryChanged', info))

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

  // Saves the renderer sent while its window closed are still in the library's
  // write queue: quit only once they have reached the disk.
  let drained = false
  app.on('will-quit', (event) => {
    if (drained) return
    event.preventDefault()
    void services.library
      .close()
      .catch((error: unknown) => console.error('[copydesk] could not finish pending saves', error))
      .finally(() => {
        drained = true
        app.quit()
      })
  })

  openWindow(settings)
  app.on('activate', () => {
    if (!mainWindow) openWindow(settings)
  })
}

// Lets tests and power users run an isolated profile.
if (process.env['COPYDESK_USER_DATA']) app.setPath('userData', process.env['COPYDESK_USER_DATA'])

registerMediaScheme()

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
