import type { Plugin } from 'vite'
import { rendererCsp } from '../shared/csp'

const metaContent = /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/

/**
 * index.html carries the CSP as a meta tag, the backstop to the header main
 * sends; the build refuses to run if the two policies differ. Only the dev
 * server loosens it: its React-refresh preamble is an inline script, its CSS
 * arrives as <style> elements, and it talks over a websocket.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'copydesk-csp',
    transformIndexHtml: (html, context) => {
      const written = metaContent.exec(html)?.[2]
      if (written !== rendererCsp) throw new Error(`The CSP meta tag in index.html differs from src/shared/csp.ts:\n${written}\n${rendererCsp}`)
      if (!context.server) return html
      const loosened = rendererCsp
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        // A hash in style-src would switch 'unsafe-inline' off, so the dev server's directive is replaced whole.
        .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
      return html.replace(metaContent, `$1${loosened}$3`)
    }
  }
}
