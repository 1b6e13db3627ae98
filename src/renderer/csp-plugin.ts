import type { Plugin } from 'vite'
import { rendererCsp } from '../shared/csp'

/**
 * Writes the CSP into index.html as a meta tag, the backstop to the header
 * main sends (src/shared/csp.ts holds the one policy). Only the dev server
 * loosens it: its React-refresh preamble is an inline script, its CSS arrives
 * as <style> elements, and it talks over a websocket.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'copydesk-csp',
    transformIndexHtml: (_html, context) => {
      const policy = context.server
        ? rendererCsp
            .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
        : rendererCsp
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }]
    }
  }
}
