/** What to do when the renderer tries to leave its page or open a window. */
export type NavigationDecision = 'allow' | 'open-external' | 'block'

const externalSchemes = new Set(['https:', 'http:', 'mailto:'])

/**
 * Only the app's own page may load in the window. Web and mail links go to
 * the system browser; everything else (file:, javascript:, data:, custom
 * schemes that could launch programs) is blocked outright.
 */
export function decideNavigation(url: string, isAppUrl: (url: string) => boolean): NavigationDecision {
  if (isAppUrl(url)) return 'allow'
  try {
    return externalSchemes.has(new URL(url).protocol) ? 'open-external' : 'block'
  } catch {
    return 'block'
  }
}
