import type { Element, Root } from 'hast'
import { oneLine, textOf } from '../text-of'
import { elementsOf, stringProperty } from './hast-tools'
import { jsonNames, jsonText, ofType } from './json-ld'

export interface PageMeta {
  ogTitle: string | null
  documentTitle: string | null
  description: string | null
  authors: string[]
  /** Raw date text, checked by the caller. */
  published: string | null
  tags: string[]
  category: string | null
  image: string | null
}

const articleTypes = ['Article', 'NewsArticle', 'BlogPosting', 'Report', 'TechArticle', 'ScholarlyArticle']
const looksLikeUrl = (text: string): boolean => /^https?:\/\//i.test(text)

/**
 * What a saved page says about itself in `<meta>` (Open Graph, article:*,
 * name=author…), in schema.org Article JSON-LD and in its first `<time>`.
 */
export function readPageMeta(tree: Root, jsonLd: Record<string, unknown>[]): PageMeta {
  const elements = elementsOf(tree)
  const metas = elements.filter((element) => element.tagName === 'meta')
  const meta = (...keys: string[]): string[] =>
    metas.flatMap((element) => {
      const key = (stringProperty(element, 'property') ?? stringProperty(element, 'name') ?? stringProperty(element, 'itemProp') ?? '').toLowerCase()
      const content = stringProperty(element, 'content')?.trim()
      return keys.includes(key) && content ? [content] : []
    })
  const article = ofType(jsonLd, ...articleTypes) ?? {}
  const titleElement = elements.find((element) => element.tagName === 'title')
  const time = elements.find((element) => element.tagName === 'time' && stringProperty(element, 'dateTime'))
  const byline = elements.filter((element) => stringProperty(element, 'rel')?.split(' ').includes('author') || stringProperty(element, 'itemProp') === 'author')

  const keywords = meta('keywords').flatMap((list) => list.split(','))
  const jsonKeywords = [article['keywords']].flat().flatMap((value) => (typeof value === 'string' ? value.split(',') : []))
  return {
    ogTitle: meta('og:title', 'twitter:title')[0] ?? jsonText(article['headline']),
    documentTitle: titleElement ? oneLine(textOf(titleElement)) || null : null,
    description: meta('description', 'og:description', 'twitter:description')[0] ?? jsonText(article['description']),
    authors: firstNonEmpty(
      meta('author', 'article:author').filter((name) => !looksLikeUrl(name)),
      jsonNames(article['author']),
      byline.map((element: Element) => oneLine(textOf(element))).filter(Boolean)
    ),
    published:
      meta('article:published_time', 'datepublished', 'date', 'pubdate', 'dc.date')[0] ??
      jsonText(article['datePublished']) ??
      (time ? stringProperty(time, 'dateTime') : null),
    tags: firstNonEmpty(meta('article:tag'), jsonKeywords, keywords).map((tag) => tag.trim()).filter(Boolean),
    category: meta('article:section')[0] ?? jsonText(article['articleSection']),
    image: meta('og:image', 'twitter:image')[0] ?? null
  }
}

const firstNonEmpty = (...lists: string[][]): string[] => lists.find((list) => list.length) ?? []
