import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'

/** Review's only touch of Electron: the native save dialog for a review bundle. */
export async function chooseReviewBundleFile(parent: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Save review bundle',
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'Copydesk review bundle', extensions: ['json'] }]
  }
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  return result.canceled ? null : (result.filePath ?? null)
}
