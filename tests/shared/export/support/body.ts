import type { Article } from '../../../../src/shared/article/article'
import type { BodyNode } from '../../../../src/shared/article/body'
import type { ExportContext } from '../../../../src/shared/export'
import { hostingPromo, netflixArticle, relatedArticles } from '../../../fixtures/netflix'

type Mark = NonNullable<BodyNode['marks']>[number]

export const text = (value: string, ...marks: (string | Mark)[]): BodyNode => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks: marks.map((mark) => (typeof mark === 'string' ? { type: mark } : mark)) } : {})
})
export const link = (href: string): Mark => ({ type: 'link', attrs: { href } })
export const p = (...content: (string | BodyNode)[]): BodyNode => ({
  type: 'paragraph',
  content: content.map((item) => (typeof item === 'string' ? text(item) : item))
})
export const heading = (level: number, value: string): BodyNode => ({ type: 'heading', attrs: { level }, content: [text(value)] })
export const bulletList = (...items: BodyNode[][]): BodyNode => ({ type: 'bulletList', content: items.map((content) => ({ type: 'listItem', content })) })
export const orderedList = (start: number, ...items: BodyNode[][]): BodyNode => ({
  type: 'orderedList',
  attrs: { start },
  content: items.map((content) => ({ type: 'listItem', content }))
})
export const image = (src: string, alt: string | null): BodyNode => ({ type: 'image', attrs: { src, alt } })
export const faq = (title: string, ...items: [question: string, answer: BodyNode[]][]): BodyNode => ({
  type: 'faq',
  attrs: { title },
  content: items.map(([question, answer]) => ({
    type: 'faqItem',
    content: [
      { type: 'faqQuestion', content: question ? [text(question)] : [] },
      { type: 'faqAnswer', content: answer }
    ]
  }))
})
export const promoSlot = (promoId: string | null): BodyNode => ({ type: 'promoSlot', attrs: { promoId } })

/** The fixture article with another body (and any other fields changed). */
export const articleWith = (content: BodyNode[], fields: Partial<Article> = {}): Article => ({
  ...netflixArticle(),
  related: [],
  ...fields,
  body: { type: 'doc', content }
})

/** The fixture library's promo and related articles, on a day the promo runs. */
export const fixtureContext = (fields: Partial<ExportContext> = {}): ExportContext => ({
  promos: [hostingPromo()],
  today: '2025-11-01',
  related: new Map(relatedArticles().map((article) => [article.id, article])),
  ...fields
})
