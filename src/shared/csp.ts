/**
 * The renderer's Content Security Policy. Main sends it as a response header
 * with every page of the app scheme; index.html carries the same text as a
 * meta tag (the build checks they match), a backstop should the page ever
 * load another way.
 * No 'unsafe-inline' anywhere: React and ProseMirror set styles through the
 * CSSOM (element.style), which CSP does not govern, and Tiptap's own base
 * styles come from editor.css instead of an injected <style> element.
 */
export const rendererCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: copydesk-media:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'"
].join('; ')
