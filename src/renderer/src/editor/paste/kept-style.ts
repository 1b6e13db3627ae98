/**
 * Where a pasted element's style attribute is kept for the cleaner to read. A
 * style attribute parsed in the window is checked against its CSP, which
 * refuses it and reports each refusal: for a Word document of 70,000 styled
 * spans that alone froze the window for 20 seconds. Large pastes are parsed
 * off the window's thread first, which moves each style here.
 */
export const KEPT_STYLE = 'data-copydesk-style'

/** The text of an element's style, from the attribute or where a large paste kept it. */
export const styleText = (element: Element): string => element.getAttribute(KEPT_STYLE) ?? element.getAttribute('style') ?? ''

/** `tags` that carry a style, either way (a selector). */
export const styled = (...tags: string[]): string => tags.flatMap((tag) => [`${tag}[style]`, `${tag}[${KEPT_STYLE}]`]).join(', ')
