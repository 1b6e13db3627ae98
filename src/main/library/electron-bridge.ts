import { readFile } from 'node:fs/promises'
import { dialog, protocol, type BrowserWindow } from 'electron'
import { mediaFileForUrl, mediaResponseHeaders } from './media'

/**
 * The library's two touches of Electron: the native folder picker and the
 * copydesk-media: protocol that lets the editor show images from the open
 * library's media folder, and nothing else on disk.
 */
export const MEDIA_SCHEME = 'copydesk-media'
export const MEDIA_BASE_URL = `${MEDIA_SCHEME}://library/`

/** Registered as privileged with the app's scheme (app-protocol.ts). */
export function serveMedia(libraryDir: () => string): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const file = await mediaFileForUrl(libraryDir(), request.url)
    const body = file ? await readFile(file).catch(() => null) : null
    if (!file || !body) return new Response('Not found', { status: 404 })
    return new Response(body, { headers: mediaResponseHeaders(file) })
  })
}

export async function chooseLibraryFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: 'Open or create a library', properties: ['openDirectory', 'createDirectory'] }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
