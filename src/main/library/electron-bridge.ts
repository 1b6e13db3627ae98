import { readFile } from 'node:fs/promises'
import { dialog, protocol, type BrowserWindow } from 'electron'
import { mediaMimeType, resolveMediaFile } from './media'

/**
 * The library's two touches of Electron: the native folder picker and the
 * copydesk-media: protocol that lets the editor show images from the open
 * library's media folder, and nothing else on disk.
 */
const MEDIA_SCHEME = 'copydesk-media'
export const MEDIA_BASE_URL = `${MEDIA_SCHEME}://library/`

/** Must run before the app is ready. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

export function serveMedia(libraryDir: () => string): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'library' ? await resolveMediaFile(libraryDir(), decodeURIComponent(url.pathname.slice(1))) : null
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(await readFile(file), { headers: { 'content-type': mediaMimeType(file), 'x-content-type-options': 'nosniff' } })
  })
}

export async function chooseLibraryFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: 'Open or create a library', properties: ['openDirectory', 'createDirectory'] }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
