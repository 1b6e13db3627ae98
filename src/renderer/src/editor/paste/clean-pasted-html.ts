import createDOMPurify from 'dompurify'
import { mediaPathSchema } from '../../../../shared/article/article'
import { isSafeLinkUrl } from '../../../../shared/article/urls'
import { styled, styleText } from './kept-style'
import { convertWordLists } from './word-lists'

/**
 * Clipboard HTML from Word, Google Docs and web pages, reduced to the
 * structure the article schema can hold: headings, paragraphs, lists, quotes,
 * links, bold/italic/strike, code and tables. Styles, classes, ids, scripts,
 * event handlers, tracking attributes and unsafe URLs are dropped before
 * ProseMirror parses anything.
 */
const allowedTags = [
  'body', 'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 's', 'strike', 'del', 'u', 'code', 'pre',
  'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  // Copydesk's own blocks, so copy and paste between articles keeps FAQs and promo slots.
  'section', 'div', 'aside'
]
const allowedAttributes = ['href', 'src', 'alt', 'colspan', 'rowspan', 'start', 'data-type', 'data-pm-slice', 'promoid', 'title']
const trackingParameter = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid)$/i

/** One DOMPurify of our own, so these hooks never touch anyone else's sanitizing. Made on first paste. */
let purify: ReturnType<typeof createDOMPurify> | null = null

function sanitizer(): ReturnType<typeof createDOMPurify> {
  if (purify) return purify
  purify = createDOMPurify(window)
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href')
      if (href === null) return
      if (isSafeLinkUrl(href)) node.setAttribute('href', withoutTracking(href))
      else node.removeAttribute('href')
    } else if (node.tagName === 'IMG') {
      // Only images already in the library survive; others are added as files (drop, paste, picker).
      if (!mediaPathSchema.safeParse(node.getAttribute('src')).success) node.remove()
    }
  })
  return purify
}

function withoutTracking(href: string): string {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return href // relative links carry no tracking worth parsing
  }
  // Links copied out of Google's redirector point at the real page in `q`.
  const redirected = /(^|\.)google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url' ? url.searchParams.get('q') : null
  if (redirected && isSafeLinkUrl(redirected) && redirected !== href) return withoutTracking(redirected)
  const tracked = [...url.searchParams.keys()].filter((key) => trackingParameter.test(key))
  if (tracked.length === 0) return href
  for (const key of tracked) url.searchParams.delete(key)
  return url.href
}

function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes)
}

function rename(element: Element, tag: string): void {
  const renamed = element.ownerDocument.createElement(tag)
  renamed.append(...element.childNodes)
  element.replaceWith(renamed)
}

const isBold = (weight: string): boolean => weight === 'bold' || weight === 'bolder' || Number(weight) >= 600
const isNormalWeight = (weight: string): boolean => weight === 'normal' || (weight !== '' && Number(weight) < 600)

/**
 * The declarations of an element's style attribute. Not `element.style`: the
 * parsed clipboard document inherits the page's CSP, which refuses style
 * attributes, so that is empty; setting cssText through the CSSOM is allowed.
 */
function declaredStyle(element: Element): CSSStyleDeclaration {
  const { style } = element.ownerDocument.createElement('span')
  style.cssText = styleText(element)
  return style
}

/** Google Docs and some sites say bold and italic with styles on spans; keep that meaning as marks. */
function stylesToMarks(root: HTMLElement): void {
  // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const element of root.querySelectorAll<HTMLElement>(styled('b', 'strong'))) {
    if (isNormalWeight(declaredStyle(element).fontWeight)) unwrap(element)
  }
  for (const span of root.querySelectorAll<HTMLElement>(styled('span'))) {
    const { fontWeight, fontStyle, textDecorationLine, textDecoration } = declaredStyle(span)
    const wrappers = [
      isBold(fontWeight) ? 'strong' : null,
      fontStyle === 'italic' || fontStyle === 'oblique' ? 'em' : null,
      `${textDecorationLine} ${textDecoration}`.includes('line-through') ? 's' : null
    ].filter((tag): tag is string => tag !== null)
    for (const tag of wrappers) {
      const mark = span.ownerDocument.createElement(tag)
      mark.append(...span.childNodes)
      span.appendChild(mark)
    }
  }
}

/** The title is a separate field, so body headings are H2–H4. */
function fitHeadings(root: HTMLElement): void {
  for (const heading of root.querySelectorAll('h1')) rename(heading, 'h2')
  for (const heading of root.querySelectorAll('h5, h6')) rename(heading, 'h4')
}

/** Word's spacer paragraphs (`<p><o:p>&nbsp;</o:p></p>`) are layout, not content. */
function dropBlankParagraphs(root: ParentNode): void {
  for (const paragraph of root.querySelectorAll('p')) {
    if (!paragraph.textContent?.replace(/[\s\u00a0]/g, '') && !paragraph.querySelector('img')) paragraph.remove()
  }
}

/**
 * Parses clipboard HTML and turns what Word and Google Docs say with styles
 * (bold spans, list paragraphs, H1 titles) into plain structure. Nothing is
 * sanitized yet: see sanitizeClipboardNodes.
 */
export function readClipboardHtml(html: string): HTMLElement {
  const { body } = new DOMParser().parseFromString(html, 'text/html')
  stylesToMarks(body)
  convertWordLists(body)
  fitHeadings(body)
  return body
}

/** Sanitizes prepared clipboard nodes (a copy of them) down to what the article schema can hold. */
export function sanitizeClipboardNodes(root: HTMLElement): DocumentFragment {
  // Not IN_PLACE: sanitizing a copy skips the in-place bookkeeping, which costs more than the copy.
  const clean = sanitizer().sanitize(root, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true
  })
  dropBlankParagraphs(clean)
  return clean
}

export function cleanPastedHtml(html: string): string {
  const container = document.createElement('div')
  container.append(sanitizeClipboardNodes(readClipboardHtml(html)))
  return container.innerHTML
}
