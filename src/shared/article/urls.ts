/**
 * Link targets an article may carry. Anything that can run code (javascript:,
 * vbscript:, data:) is refused wherever a URL enters: editor, paste, import,
 * export. Browsers ignore tabs, newlines and leading controls in schemes, so
 * those are stripped before the scheme is read.
 */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const isIgnoredInScheme = (code: number): boolean => code <= 0x20 || (code >= 0x7f && code <= 0x9f)

export function isSafeLinkUrl(raw: string): boolean {
  const url = [...raw].filter((c) => !isIgnoredInScheme(c.charCodeAt(0))).join('')
  if (url === '') return false
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]
  if (!scheme) return true // relative: "/about", "#faq", "other-post/"
  return allowedSchemes.has(`${scheme.toLowerCase()}:`)
}

/** Web addresses only: for promo targets and anything opened outside the app. */
export function isWebUrl(raw: string): boolean {
  return /^https?:\/\/[^\s/?#:@]+(?::\d+)?(?:[/?#][^\s]*)?$/i.test(raw.trim())
}

/** An address relative to the page ("train.jpg", "/images/a.png", "../img/a.png"), with no scheme that could run code. */
export function isRelativeUrl(raw: string): boolean {
  return raw.trim() !== '' && isSafeLinkUrl(raw) && !/^[a-z][a-z0-9+.-]*:/i.test(raw.trim()) && !raw.trim().startsWith('//')
}
