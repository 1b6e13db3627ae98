import { join } from 'node:path'
import { app, BrowserWindow, Menu, screen } from 'electron'
import { contextMenuTemplate } from './context-menu-template'
import type { WindowBounds } from '../shared/settings'
import type { SettingsStore } from './settings/settings-store'
import { appEntryUrl, devServerOrigin, isAppUrl } from './security/app-scheme'

/** The built renderer, served by the app scheme (app-protocol.ts). */
export const rendererDir = join(import.meta.dirname, '../renderer')
/** The dev server electron-vite started, when this is an unpackaged app pointed at a local one. */
export const devOrigin = devServerOrigin(process.env['ELECTRON_RENDERER_URL'], app.isPackaged)

/** The renderer's own page: the app scheme's, or the dev server's while developing. */
export const isOwnPage = (url: string): boolean => isAppUrl(url, devOrigin)

/** Restores remembered bounds only if they still fit on a connected display. */
function visibleBounds(saved: WindowBounds | null): Partial<WindowBounds> {
  if (!saved) return { width: 1280, height: 820 }
  const onScreen = screen.getAllDisplays().some(({ workArea: a }) =>
    saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y
  )
  return onScreen ? saved : { width: saved.width, height: saved.height }
}

/** `settings` is null while start-up has failed: the window then opens at its default size and remembers nothing. */
export function createMainWindow(settings: () => SettingsStore | null): BrowserWindow {
  const saved = settings()?.get().window ?? null
  const win = new BrowserWindow({
    ...visibleBounds(saved),
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Copydesk',
    // Windows and Linux show it in the taskbar; macOS takes the bundle's icon.
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    backgroundColor: '#1f1f1f',
    webPreferences: {
      // Electronegativity PRELOAD_JS_CHECK, reviewed: the preload is sandboxed and exposes only window.copydesk, one
      // function per channel of the typed contract, whose payloads main validates; no ipcRenderer, no Node.
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click would otherwise try to open a link in a new window (setWindowOpenHandler denies it too).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true
    }
  })
  if (saved?.maximized) win.maximize()
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
      addToDictionary: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word)
    })
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win })
  })
  win.once('ready-to-show', () => win.show())

  let saveTimer: NodeJS.Timeout | undefined
  const rememberBounds = (): void => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => {
      if (win.isDestroyed()) return
      const { x, y, width, height } = win.getNormalBounds()
      void settings()?.update({ window: { x, y, width, height, maximized: win.isMaximized() } })
    }, 400)
  }
  win.on('resize', rememberBounds)
  win.on('move', rememberBounds)
  win.on('maximize', rememberBounds)
  win.on('unmaximize', rememberBounds)

  void win.loadURL(devOrigin ? `${devOrigin}/` : appEntryUrl)
  return win
}
