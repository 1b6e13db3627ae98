import { createHash } from 'node:crypto'
import { articleSchema, type Article } from '../../shared/article/article'
import type { Promo } from '../../shared/article/promo'
import { exportMarkdown, type LayoutOptions, type ProfileName } from '../../shared/export'

const text = (value: string, marks?: string[]) => ({ type: 'text', text: value, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) })
const paragraph = (...content: object[]) => ({ type: 'paragraph', content })

const promo: Promo = {
  id: 'copydesk-canary-promo',
  name: 'Canary',
  label: 'Sponsored',
  headline: 'Canary <offer> & “deal”',
  text: 'Text',
  url: 'https://example.com/?a=1&b=2',
  cta: 'Go',
  sponsor: 'Sponsor',
  activeFrom: null,
  activeUntil: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z'
}

/** One of every block and mark the export core writes, with text that needs escaping. */
// Parsed, not cast, so the canary stays a real article as the format evolves.
export const canaryArticle: Article = articleSchema.parse({
  formatVersion: 1,
  id: 'copydesk-canary',
  slug: 'canary',
  slugLocked: true,
  title: 'Canary: “quotes”, <tags> & #1',
  dek: '- dek',
  authors: ['@author'],
  status: 'approved',
  tags: ['tag'],
  category: 'Category',
  description: 'Description',
  featuredImage: { src: 'media/canary.png', alt: 'Alt' },
  publishDate: '2025-01-01',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  related: [],
  body: {
    type: 'doc',
    content: [
      paragraph(text('1. *not* a list {{< x >}} '), text('bold', ['bold']), text('em', ['italic']), text('code', ['code']), text('s', ['strike']), {
        ...text('link'),
        marks: [{ type: 'link', attrs: { href: 'https://example.com/a_b', target: null, rel: null, class: null } }]
      }),
      paragraph(text('import x from www.example.com, https://example.com or a@example.com')),
      { type: 'heading', attrs: { level: 2 }, content: [text('Heading')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('item'))] }] },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [paragraph(text('item'))] }] },
      { type: 'blockquote', content: [paragraph(text('quote'))] },
      { type: 'codeBlock', attrs: { language: 'js' }, content: [text('a < b')] },
      { type: 'horizontalRule' },
      { type: 'image', attrs: { src: 'media/canary.png', alt: 'Image', title: null } },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('h'))] }] },
          { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('c|d'))] }] }
        ]
      },
      {
        type: 'faq',
        attrs: { title: 'FAQs' },
        content: [{ type: 'faqItem', content: [{ type: 'faqQuestion', content: [text('Why?')] }, { type: 'faqAnswer', content: [paragraph(text('Because.'))] }] }]
      },
      { type: 'promoSlot', attrs: { promoId: promo.id } }
    ]
  }
})

/**
 * A fingerprint of the export core's output for a profile and layout: the
 * canary article rendered and hashed. When a new Copydesk writes articles
 * differently, the fingerprint changes and cached renders are not trusted.
 */
export function rendererFingerprint(profile: ProfileName, layout: LayoutOptions): string {
  const { content } = exportMarkdown(canaryArticle, { promos: [promo], today: '2025-01-01' }, profile, layout)
  return createHash('sha256').update(JSON.stringify([profile, layout, content])).digest('hex')
}
