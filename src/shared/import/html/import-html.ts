import type { Element, Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import type { EditableFields } from '../../article/article'
import { toPublishDate } from '../dates'
import { fitList, fitText, limits } from '../field-limits'
import type { ImportContext } from '../import-context'
import { faqItem, faqNode } from '../mdast/import-nodes'
import { oneLine, textOf } from '../text-of'
import { bodyOf, findContentRoot, removeChrome, resolveLazyImages } from './content-root'
import { elementsOf, isElement } from './hast-tools'
import { hastToMdast, htmlFragmentToMdast, parseHtmlDocument } from './hast-to-mdast'
import { faqPagePairs, jsonLdObjects } from './json-ld'
import { readPageMeta } from './page-meta'

export interface HtmlArticle {
  fields: Partial<EditableFields>
  /** The article body, FAQ sections still to be gathered. */
  mdast: Root
  /** FAQ blocks from the page's FAQPage JSON-LD, used when the visible text has none. */
  faqFallback: Root['children']
}

/** A saved web page: its article body without the page around it, and what its head says about the article. */
export function readHtmlPage(html: string, ctx: ImportContext): HtmlArticle {
  const tree = parseHtmlDocument(html, ctx)
  const jsonLd = jsonLdObjects(tree)
  const meta = readPageMeta(tree, jsonLd)
  const body = bodyOf(tree) ?? ctx.fail('it has no page body (it is a frameset); open the framed page and save that instead.')

  const title = pickTitle(body, meta.ogTitle, meta.documentTitle)
  removeChrome(body)
  const root = findContentRoot(body)
  resolveLazyImages(root)
  removeTitleHeading(root, title)
  const mdast = hastToMdast({ type: 'root', children: [root] } satisfies HastRoot, ctx)

  const fields: Partial<EditableFields> = {}
  if (title) fields.title = fitText(title, limits.title, 'title', ctx)
  if (meta.description) fields.description = fitText(meta.description, limits.description, 'description', ctx)
  if (meta.authors.length) fields.authors = fitList(meta.authors, limits.authors, limits.author, 'author', ctx)
  if (meta.tags.length) fields.tags = fitList(meta.tags, limits.tags, limits.tag, 'tag', ctx)
  if (meta.category) fields.category = fitText(meta.category, limits.category, 'category', ctx)
  if (meta.published) {
    const date = toPublishDate(meta.published)
    if (date) fields.publishDate = date
    else ctx.warn(`The page’s publish date “${meta.published}” is not a date Copydesk can read; it was left empty.`)
  }
  if (meta.image) ctx.warn(`The page’s featured image (${meta.image}) was not imported: add it from the article’s settings.`)

  const pairs = faqPagePairs(jsonLd)
  const faqFallback = pairs.length ? [faqNode(null, pairs.map((pair) => faqItem(pair.question, htmlFragmentToMdast(pair.answerHtml, ctx))))] : []
  return { fields, mdast, faqFallback }
}

/** The article's own `<h1>` first; a page-wide `<h1>` is often the site's logo, so Open Graph's title comes before it. */
function pickTitle(body: Element, ogTitle: string | null, documentTitle: string | null): string | null {
  const containers = elementsOf(body).filter((element) => isElement(element, 'article', 'main'))
  const articleH1 = containers.flatMap((container) => elementsOf(container)).find((element) => element.tagName === 'h1')
  const anyH1 = elementsOf(body).find((element) => element.tagName === 'h1')
  const candidates = [articleH1 && textOf(articleH1), ogTitle, anyH1 && textOf(anyH1), documentTitle]
  return candidates.map((text) => oneLine(text ?? '')).find(Boolean) ?? null
}

/** The title is a field of its own: its heading does not stay in the body. */
function removeTitleHeading(root: Element, title: string | null): void {
  if (!title) return
  const heading = elementsOf(root).find((element) => element.tagName === 'h1' && oneLine(textOf(element)) === title)
  if (!heading) return
  const parent = [root, ...elementsOf(root)].find((element) => element.children.includes(heading))
  if (parent) parent.children = parent.children.filter((child) => child !== heading)
}
