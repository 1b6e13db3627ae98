import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Article } from '../../article/article'
import type { ConvertedArticle } from '../convert-article'
import { dayOf, readableDay } from './dates'
import { mdastToHast } from './mdast-to-hast'

const nl = { type: 'text', value: '\n' } as const
const lines = (nodes: ElementContent[]): ElementContent[] => nodes.flatMap((node) => [nl, node])

/** What the page calls an article with no title yet: an empty heading or `<title>` would leave readers nothing. */
export const displayTitle = (article: Pick<Article, 'title'>): string => article.title.trim() || 'Untitled article'

/** "A", "A and B", "A, B and C". */
function names(authors: readonly string[]): (string | Element)[] {
  return authors.flatMap((name, index) => {
    const separator = index === 0 ? [] : [index === authors.length - 1 ? ' and ' : ', ']
    return [...separator, h('span', { className: ['copydesk-author'] }, name)]
  })
}

function byline(article: Article): Element {
  const date = article.publishDate
    ? ['Published ', h('time', { dateTime: article.publishDate }, readableDay(article.publishDate))]
    : ['Updated ', h('time', { dateTime: article.updatedAt }, readableDay(dayOf(article.updatedAt)))]
  const by = article.authors.length ? ['By ', ...names(article.authors), ' · '] : []
  return h('p', { className: ['copydesk-byline'] }, [...by, ...date])
}

/** The `<article>`: header (title, dek, byline), featured image, body, related articles. */
export function articleElement(article: Article, converted: ConvertedArticle, relatedHref: (slug: string) => string): Element {
  const header = h('header', lines([
    h('h1', displayTitle(article)),
    ...(article.dek ? [h('p', { className: ['copydesk-dek'] }, article.dek)] : []),
    byline(article)
  ]).concat(nl))
  const featured =
    article.featuredImage && converted.featuredImageUrl
      ? [h('figure', { className: ['copydesk-featured-image'] }, [h('img', { src: converted.featuredImageUrl, alt: article.featuredImage.alt })])]
      : []
  const related = converted.related.length
    ? [
        h('section', { className: ['copydesk-related'] }, [
          nl,
          h('h2', 'Related articles'),
          nl,
          h('ul', lines(converted.related.map((entry) => h('li', [h('a', { href: relatedHref(entry.slug) }, entry.title)]))).concat(nl)),
          nl
        ])
      ]
    : []
  const body = mdastToHast(converted.body).filter((node) => !(node.type === 'text' && node.value === '\n'))
  return h('article', [...lines([header, ...featured, ...body, ...related]), nl])
}

/** Article JSON-LD: what search engines show for the page, from the article's own fields only. */
export function articleJsonLd(article: Article, imageUrl: string | null): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title,
    ...(article.description ? { description: article.description } : {}),
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    ...(article.publishDate ? { datePublished: article.publishDate } : {}),
    dateModified: article.updatedAt,
    ...(imageUrl ? { image: [imageUrl] } : {}),
    ...(article.tags.length ? { keywords: article.tags.join(', ') } : {})
  }
}
