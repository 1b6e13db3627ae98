import { realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import { rendererCsp } from '../../shared/csp'

/**
 * The renderer is served from its own privileged scheme rather than file:,
 * where CSP 'self' would match every local file. Plain functions, so the
 * rules are tested without Electron; app-protocol.ts registers them.
 */
export const APP_SCHEME = 'copydesk'
const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const appEntryUrl = `${APP_ORIGIN}/index.html`

/** A URL path decoded, or null when its percent-encoding is malformed (a request for it is a 404, never an exception). */
export function decodeUrlPath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}

const parse = (url: string): URL | null => {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Whether `url` is on the app's own origin (any path: the resolver decides what exists). */
function isAppSchemeUrl(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password && !parsed.port
}

/**
 * The file of the built renderer a URL of the app scheme asks for, or null
 * (404) when the URL is another origin, badly encoded, or leads outside the
 * renderer folder by `..`, an encoded separator or a symbolic link, checked
 * on real paths.
 */
export async function resolveAppFile(rendererDir: string, url: string): Promise<string | null> {
  if (!isAppSchemeUrl(url)) return null
  const path = decodeUrlPath(new URL(url).pathname)
  if (path === null || path.includes('\0')) return null
  try {
    const root = await realpath(rendererDir)
    const file = await realpath(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) return null
    return file
  } catch {
    return null
  }
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

/** The headers every file of the app is served with: its type, no sniffing, and the CSP. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'content-security-policy': rendererCsp
  }
}

/**
 * The dev server's URL from ELECTRON_RENDERER_URL, honoured only in an
 * unpackaged app and only when it is exactly http://localhost:<port> or
 * http://127.0.0.1:<port> (a prefix test let http://localhost:5173.evil in).
 */
export function devServerOrigin(raw: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !raw) return null
  const url = parse(raw)
  if (!url || url.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(url.hostname) || !/^\d+$/.test(url.port)) return null
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null
  return url.origin
}

/** The renderer's own page (any #fragment): the app's entry, or the vetted dev server's while developing. */
export function isAppUrl(url: string, devOrigin: string | null): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.search) return false
  if (isAppSchemeUrl(url)) return parsed.pathname === '/index.html'
  return devOrigin !== null && parsed.origin === devOrigin && parsed.pathname === '/'
}
