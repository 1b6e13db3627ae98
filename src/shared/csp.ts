/**
 * The renderer's Content Security Policy. Main sends it as a response header
 * with every page of the app scheme; index.html carries the same text as a
 * meta tag (the build checks they match), a backstop should the page ever
 * load another way.
 * No 'unsafe-inline' anywhere: React and ProseMirror set styles through the
 * CSSOM (element.style), which CSP does not govern, and Tiptap's own base
 * styles come from editor.css instead of an injected <style> element.
 */
/**
 * The one inline style allowed, by its hash: the exported page's own stylesheet
 * (src/shared/export/html/stylesheet.ts). The export dialog previews that page
 * in a sandboxed srcdoc frame, which inherits this policy; without it the
 * preview would show the page unstyled. A test checks the hash against the
 * stylesheet, so a change to either fails until both agree.
 */
export const EXPORT_STYLESHEET_HASH = 'sha256-do7KN5yfZvSA8GQcRK1bRsbHus6LMUjgbb7Q/83uurw='

export const rendererCsp = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' '${EXPORT_STYLESHEET_HASH}'`,
  "img-src 'self' data: blob: copydesk-media:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'"
].join('; ')
