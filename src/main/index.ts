import { join } from 'node:path'
import { app, dialog, Menu, nativeTheme, shell, type BrowserWindow } from 'electron'
import { ipcEventChannel, type EventName, type EventPayload } from '../shared/ipc/contract'
import { FolderGrants } from './folders/folder-grants'
import type { Services } from './services'
import { registerIpc } from './ipc/register'
import { registerPrivilegedSchemes, serveApp } from './app-protocol'
import { chooseLibraryFolder, MEDIA_BASE_URL, serveMedia } from './library/electron-bridge'
import { chooseReviewBundleFile } from './library/review-dialogs'
import { openStartupLibrary } from './library/startup'
import { followLibraryChanges } from './library/switch-library'
import { AppStartup } from './startup/app-startup'
import { chooseExportFile, chooseSiteFolder } from './site-export/electron-dialogs'
import renderWorker from './site-export/render-worker?modulePath'
import importWorker from './library/import-worker?modulePath'
import stampWorker from './library/stamp-worker?modulePath'
import searchWorker from './library/search-count-worker?modulePath'
import { useBundledThread } from './threads/start-thread'
import { menuTemplate } from './menu-template'
import { hardenWebContents, makeSenderCheck } from './security/harden'
import { openSettingsStore, type SettingsStore } from './settings/settings-store'
import { settingsView } from './settings/settings-view'
import { createMainWindow, devOrigin, isOwnPage, rendererDir } from './window'

let mainWindow: BrowserWindow | null = null

function send<E extends EventName>(name: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(ipcEventChannel(name), payload)
}

function openWindow(settings: () => SettingsStore | null): void {
  mainWindow = createMainWindow(settings)
  mainWindow.on('closed', () => (mainWindow = null))
}

async function openServices(userData: string, folder: string | null, folders: FolderGrants): Promise<Services> {
  const settings = await openSettingsStore(userData)
  const library = await openStartupLibrary(settings, join(userData, 'Library'), folder ?? undefined)
  return {
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, mediaBaseUrl: MEDIA_BASE_URL },
    settings,
    folders,
    library,
    chooseFolder: () => chooseLibraryFolder(mainWindow),
    chooseSiteFolder: (defaultPath) => chooseSiteFolder(mainWindow, defaultPath),
    chooseExportFile: (suggestedName) => chooseExportFile(mainWindow, suggestedName),
    chooseReviewBundleFile: (suggestedName) => chooseReviewBundleFile(mainWindow, suggestedName)
  }
}

/** Everything that needs the open library: media, live changes, the menu and theme, and finishing saves on quit. */
function run(services: Services): void {
  const { settings } = services
  serveMedia(() => services.library.dir)
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
          devOrigin !== null
        )
      )
    )
  nativeTheme.themeSource = settings.get().theme
  settings.subscribe((next) => {
    // The renderer follows nativeTheme through prefers-color-scheme.
    nativeTheme.themeSource = next.theme
    refreshMenu()
    send('settingsChanged', settingsView(next, services.folders))
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
}

/**
 * Opens the window whatever happens: if the library cannot be opened, the
 * window shows why, with ways out (try again, another folder, show the
 * folder), and the app runs once one of them works.
 */
async function start(): Promise<void> {
  const userData = app.getPath('userData')
  // One set of folder grants for the app's life, whichever attempt opens the library.
  const folders = new FolderGrants()
  const startup = new AppStartup({
    open: (folder) => openServices(userData, folder, folders),
    defaultFolder: join(userData, 'Library'),
    chooseFolder: () => chooseLibraryFolder(mainWindow),
    revealFolder: (folder) => shell.showItemInFolder(folder),
    onStarted: run
  })
  // The window's own page, served from copydesk://, loads before the library opens: it shows start-up problems.
  serveApp(rendererDir)
  hardenWebContents(isOwnPage)
  // Bulk export renders, imports parse, opening a big library stamps its files and its first search build counts its
  // words, on threads running the workers electron-vite bundled beside this file.
  useBundledThread('render', renderWorker)
  useBundledThread('import', importWorker)
  useBundledThread('stamps', stampWorker)
  useBundledThread('search', searchWorker)
  registerIpc(startup.handlers, makeSenderCheck(isOwnPage))
  await startup.start()

  const settings = (): SettingsStore | null => startup.started?.settings ?? null
  openWindow(settings)
  app.on('activate', () => {
    if (!mainWindow) openWindow(settings)
  })
}

// Lets tests and power users run an isolated profile.
if (process.env['COPYDESK_USER_DATA']) app.setPath('userData', process.env['COPYDESK_USER_DATA'])

registerPrivilegedSchemes()

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
  // start() shows start-up problems in the window; this is the last resort if even that fails.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[copydesk] failed to start', error)
      dialog.showErrorBox('Copydesk could not start', 'Copydesk could not open its window. Start it again; if this keeps happening, the details are in its log.')
      app.exit(1)
    })
}
