import type { Element, Root } from 'hast'
import { textOf } from '../text-of'
import { classTokens, elementsOf, isElement, removeElements, stringProperty } from './hast-tools'

// Scripts, frames and the like are left to the sanitizer, which counts what it removes from the article.
const chromeTags = new Set(['nav', 'footer', 'aside', 'form', 'dialog'])
const chromeRoles = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog'])
/** Words in class names and ids that mark page furniture rather than the article. */
const chromeWords = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'sidebar', 'widget', 'toolbar', 'masthead',
  'share', 'sharing', 'social', 'comments', 'comment', 'related', 'recommended', 'newsletter', 'subscribe', 'subscription',
  'cookie', 'cookies', 'consent', 'banner', 'ad', 'ads', 'advert', 'advertisement', 'adsbygoogle', 'sponsored', 'popup', 'modal'
])

const hasHeadings = (element: Element): boolean => elementsOf(element).some((child) => isElement(child, 'h2', 'h3', 'h4', 'h5', 'h6'))
const isHidden = (element: Element): boolean =>
  element.properties['hidden'] === true ||
  stringProperty(element, 'ariaHidden') === 'true' ||
  /display\s*:\s*none/i.test(stringProperty(element, 'style') ?? '')

/**
 * Removes navigation, headers and footers, sidebars, share bars, ads and
 * anything hidden. A block whose class merely sounds like furniture is kept
 * when it holds the article or most of the page's text ("content-with-sidebar").
 */
export function removeChrome(body: Element): void {
  const pageText = textOf(body).length
  removeElements(body, (element) => {
    if (chromeTags.has(element.tagName) || chromeRoles.has(stringProperty(element, 'role') ?? '') || isHidden(element)) return true
    // A header holding section headings is content; the page's or article's header (logo, title, byline) is not.
    if (element.tagName === 'header') return !hasHeadings(element)
    if (['article', 'main', 'body'].includes(element.tagName) || !classTokens(element).some((word) => chromeWords.has(word))) return false
    return !elementsOf(element).some((child) => isElement(child, 'article', 'main')) && textOf(element).length < pageText / 2
  })
}

/**
 * The element holding the article: the largest `<article>` (unless it is a
 * small card on a bigger page), then `<main>`, then the block whose
 * paragraphs hold the most text, then the whole body.
 */
export function findContentRoot(body: Element): Element {
  const elements = elementsOf(body)
  const pageText = textOf(body).length
  const articles = elements
    .filter((element) => element.tagName === 'article')
    .map((element) => ({ element, length: textOf(element).length }))
    .sort((a, b) => b.length - a.length)
  if (articles[0] && articles[0].length >= pageText / 4) return articles[0].element
  const main = elements.find((element) => element.tagName === 'main' || stringProperty(element, 'role') === 'main')
  return main ?? densestBlock(body) ?? body
}

/** Readability's idea, kept small: each paragraph credits its parent, and half as much its grandparent. */
function densestBlock(body: Element): Element | null {
  const scores = new Map<Element, number>()
  const stack: [Element, Element | null, Element | null][] = [[body, null, null]]
  while (stack.length) {
    const [element, parent, grandparent] = stack.pop()!
    if (element.tagName === 'p') {
      const length = textOf(element).trim().length
      if (length >= 25 && parent) {
        scores.set(parent, (scores.get(parent) ?? 0) + length)
        if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2)
      }
    }
    for (const child of element.children) if (child.type === 'element') stack.push([child, element, parent])
  }
  let best: Element | null = null
  for (const [element, score] of scores) if (!best || score > scores.get(best)!) best = element
  return best
}

/** Lazy-loaded images keep the real address in data-src and a placeholder in src. */
export function resolveLazyImages(root: Element): void {
  for (const image of elementsOf(root)) {
    if (image.tagName !== 'img') continue
    const src = stringProperty(image, 'src') ?? ''
    const lazy = stringProperty(image, 'dataSrc') ?? stringProperty(image, 'dataLazySrc') ?? stringProperty(image, 'dataOriginal')
    if (lazy && (src === '' || src.startsWith('data:'))) image.properties['src'] = lazy
  }
}

export const bodyOf = (tree: Root): Element | undefined => elementsOf(tree).find((element) => element.tagName === 'body')
