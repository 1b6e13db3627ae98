import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mediaFileForUrl, mediaResponseHeaders } from '../../src/main/library/media'
import { APP_ORIGIN, appEntryUrl } from '../../src/main/security/app-scheme'
import { appFiles, type AppFile } from '../../src/main/security/app-files'

/**
 * The built renderer on a real HTTP server on 127.0.0.1, started once per worker and shared by its tests,
 * so Chromium loads the page as it loads any site (routing each request through Playwright cost every test
 * hundreds of milliseconds). Files are found and labelled by main's own resolvers and headers, so the CSP
 * and nosniff are what the app's schemes send. Each test's library answers under a path of its own:
 * /__media/<token>/media/… stands in for copydesk-media://library/media/….
 */
export interface RendererServer {
  origin: string
  /** Serves the media of the library `libraryDir()` names (null while none is open) until `release` is called. */
  serveMedia(libraryDir: () => string | null): { mediaBaseUrl: string; release(): void }
  /** Serves the renderer as a newly started main does (serveApp): nothing in memory but what it reads as it starts. */
  appStarts(): void
}

const MEDIA_PREFIX = '/__media/'

export async function startRendererServer(rendererDir: string): Promise<RendererServer> {
  const libraries = new Map<string, () => string | null>()
  let files = appFiles(rendererDir)

  async function mediaFile(pathname: string): Promise<AppFile | null> {
    const [token = '', ...rest] = pathname.slice(MEDIA_PREFIX.length).split('/')
    const libraryDir = libraries.get(token)?.()
    const file = libraryDir ? await mediaFileForUrl(libraryDir, `copydesk-media://library/${rest.join('/')}`) : null
    const body = file && (await readFile(file).catch(() => null))
    return file && body ? { body, headers: mediaResponseHeaders(file) } : null
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', 'http://host')
    const wanted = request.method === 'GET' || request.method === 'HEAD'
    const found = !wanted ? null : pathname.startsWith(MEDIA_PREFIX) ? await mediaFile(pathname) : await files.get(`${APP_ORIGIN}${pathname}`)
    if (!found) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { ...found.headers, 'content-length': found.body.length }).end(request.method === 'HEAD' ? undefined : found.body)
  }

  const server = createServer((request, response) => {
    answer(request, response).catch(() => response.writeHead(500).end())
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve))
  // The worker may end while the server waits; it must not keep the process alive.
  server.unref()
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    serveMedia(libraryDir) {
      const token = randomUUID()
      libraries.set(token, libraryDir)
      return { mediaBaseUrl: `${origin}${MEDIA_PREFIX}${token}/`, release: () => libraries.delete(token) }
    },
    appStarts() {
      files = appFiles(rendererDir)
      void files.warm(appEntryUrl)
    }
  }
}
