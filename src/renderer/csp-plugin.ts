import type { Plugin } from 'vite'

/**
 * The CSP in index.html is the production policy. The dev server needs an
 * inline React-refresh preamble and a websocket, so only `serve` loosens it.
 */
export function devCspPlugin(): Plugin {
  return {
    name: 'copydesk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
  }
}
