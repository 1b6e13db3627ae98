import { extname, join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'

/** Export's only touches of Electron: the native folder and save dialogs. */
export async function chooseSiteFolder(parent: BrowserWindow | null, defaultPath?: string): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Choose the site folder to export into',
    buttonLabel: 'Choose',
    properties: ['openDirectory', 'createDirectory'],
    ...(defaultPath ? { defaultPath } : {})
  }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

const filters: Record<string, Electron.FileFilter> = {
  '.html': { name: 'HTML page', extensions: ['html'] },
  '.md': { name: 'Markdown', extensions: ['md'] },
  '.mdx': { name: 'MDX', extensions: ['mdx'] }
}

export async function chooseExportFile(parent: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const filter = filters[extname(suggestedName)]
  const options: Electron.SaveDialogOptions = {
    title: 'Export article',
    defaultPath: join(app.getPath('documents'), suggestedName),
    ...(filter ? { filters: [filter] } : {})
  }
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  return result.canceled ? null : (result.filePath ?? null)
}
