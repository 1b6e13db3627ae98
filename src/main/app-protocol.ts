import { protocol } from 'electron'
import { APP_SCHEME, appEntryUrl } from './security/app-scheme'
import { appFiles } from './security/app-files'
import { MEDIA_SCHEME } from './library/electron-bridge'

/**
 * Both of the app's schemes, in the one call Electron allows before ready:
 * standard and secure, so the renderer is a secure context with its own
 * origin, and 'self' in the CSP means the app and nothing else on disk.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled: Vite's module scripts carry crossorigin, so they are fetched in CORS mode.
    // codeCache: V8 keeps the compiled scripts between starts, as it does for http(s); a custom scheme has none by default.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/**
 * Serves the built renderer folder, and only it, with the CSP as a header. The window's page and the files it loads
 * first are read now, while the library opens and the window's process starts, so they are in memory when it asks.
 */
export function serveApp(rendererDir: string): void {
  const files = appFiles(rendererDir)
  void files.warm(appEntryUrl)
  protocol.handle(APP_SCHEME, async (request) => {
    const found = await files.get(request.url)
    if (!found) return new Response('Not found', { status: 404 })
    return new Response(found.body, { headers: found.headers })
  })
}
