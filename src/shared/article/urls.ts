/**
 * Link targets an article may carry. Anything that can run code (javascript:,
 * vbscript:, data:) is refused wherever a URL enters: editor, paste, import,
 * export. Browsers ignore tabs, newlines and leading controls in schemes, so
 * those are stripped before the scheme is read.
 */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const isIgnoredInScheme = (code: number): boolean => code <= 0x20 || (code >= 0x7f && code <= 0x9f)

const schemeCharacter = /^[a-z0-9+.-]$/i

/**
 * The scheme a browser reads at the start of an address, lower case
 * ("javascript" for "java\tscript:…"); null for an address without one
 * (relative), '' for one with no visible character at all. Reads only as
 * far as a scheme can reach: a data: address of megabytes costs nothing.
 */
export function urlScheme(raw: string): string | null {
  let scheme = ''
  let visible = false
  for (let i = 0; i < raw.length; i++) {
    if (isIgnoredInScheme(raw.charCodeAt(i))) continue
    visible = true
    const char = raw[i]!
    if (char === ':') return /^[a-z]/i.test(scheme) ? scheme.toLowerCase() : null
    if (!schemeCharacter.test(char)) return null
    scheme += char
  }
  return visible ? null : ''
}

export function isSafeLinkUrl(raw: string): boolean {
  const scheme = urlScheme(raw)
  if (scheme === '') return false
  if (scheme === null) return true // relative: "/about", "#faq", "other-post/"
  return allowedSchemes.has(`${scheme}:`)
}

/** Web addresses only: for promo targets and anything opened outside the app. */
export function isWebUrl(raw: string): boolean {
  return /^https?:\/\/[^\s/?#:@]+(?::\d+)?(?:[/?#][^\s]*)?$/i.test(raw.trim())
}

/** An address relative to the page ("train.jpg", "/images/a.png", "../img/a.png"), with no scheme that could run code. */
export function isRelativeUrl(raw: string): boolean {
  return raw.trim() !== '' && isSafeLinkUrl(raw) && !/^[a-z][a-z0-9+.-]*:/i.test(raw.trim()) && !raw.trim().startsWith('//')
}
