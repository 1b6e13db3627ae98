import type { ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Article } from '../article/article'
import { convertArticle, pageJsonLd } from './convert-article'
import { articleElement, articleJsonLd, displayTitle } from './html/article-html'
import { exportStylesheet } from './html/stylesheet'
import { jsonLdScript } from './json-ld'
import type { ExportContext, ExportResult } from './types'

export interface HtmlOptions {
  /** Just the `<article>` and its JSON-LD, for pasting into another page. */
  fragment?: boolean
  /** The document language; "en" unless said. */
  lang?: string
}

const nl = { type: 'text', value: '\n' } as const

/**
 * The article as HTML. Library media keep their "media/…" paths, so the file
 * works next to a copy of the library's media folder; related articles link
 * to "<slug>.html" beside it. Every string from the article reaches the
 * markup through hast-util-to-html, which escapes text and attributes.
 */
export function exportHtml(article: Article, ctx: ExportContext, options: HtmlOptions = {}): ExportResult {
  // A page's outline may not skip a level (the Nu checker refuses it); Markdown keeps the writer's levels for the site to decide.
  const converted = convertArticle(article, ctx, (src) => ({ path: src, url: src }), undefined, { closeHeadingGaps: true })
  const scripts = [articleJsonLd(article, converted.featuredImageUrl), ...pageJsonLd(converted.blocks)].map(jsonLdScript)
  const main = articleElement(article, converted, (slug) => `${slug}.html`)
  const withNewlines = (nodes: ElementContent[]): ElementContent[] => [...nodes.flatMap((node) => [nl, node]), nl]

  let tree: Root
  if (options.fragment) {
    tree = { type: 'root', children: [main, ...scripts].flatMap((node) => [node, nl]) }
  } else {
    const head = h('head', withNewlines([
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', displayTitle(article)),
      ...(article.description ? [h('meta', { name: 'description', content: article.description })] : []),
      ...(article.authors.length ? [h('meta', { name: 'author', content: article.authors.join(', ') })] : []),
      h('style', exportStylesheet),
      ...scripts
    ]))
    const body = h('body', withNewlines([main]))
    tree = {
      type: 'root',
      children: [{ type: 'doctype' }, nl, h('html', { lang: options.lang ?? 'en' }, withNewlines([head, body])), nl]
    }
  }
  return { content: toHtml(tree), warnings: converted.warnings, media: converted.media }
}
