import type { EditableFields } from '../../src/shared/article/article'
import type { BodyDoc, BodyNode } from '../../src/shared/article/body'
import { bodyText } from '../../src/shared/article/body'
import { netflixArticle } from '../fixtures/netflix'
import { seededRandom } from './seeded-random'

/** Zipf-skewed sentences, paragraphs, headings and FAQs from the fixture's vocabulary plus rarer made-up words. */
function syntheticText(seed: number) {
  const random = seededRandom(seed)
  const common = [...new Set(bodyText(netflixArticle().body).toLowerCase().match(/[a-z]{2,}/g))]
  const letters = 'etaoinshrdlcumwfgypbvkjxqz'
  const rare = Array.from({ length: 20_000 }, () => Array.from({ length: 4 + Math.floor(random() * 7) }, () => letters[Math.floor(random() ** 1.5 * 26)]).join(''))
  const vocabulary = [...common, ...rare]
  const word = (): string => vocabulary[Math.floor(random() ** 3 * vocabulary.length)]!
  const words = (n: number): string => Array.from({ length: n }, word).join(' ')
  const sentence = (n: number): string => {
    const text = words(n)
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`
  }
  const paragraph = (n: number): BodyNode => ({ type: 'paragraph', content: [{ type: 'text', text: Array.from({ length: Math.ceil(n / 15) }, () => sentence(15)).join(' ') }] })
  const heading = (level: number): BodyNode => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: sentence(5).slice(0, -1) }] })
  const faq = (): BodyNode => ({
    type: 'faq',
    attrs: { title: 'FAQs' },
    content: Array.from({ length: 5 }, () => ({
      type: 'faqItem',
      content: [
        { type: 'faqQuestion', content: [{ type: 'text', text: `${sentence(8).slice(0, -1)}?` }] },
        { type: 'faqAnswer', content: [paragraph(30)] }
      ]
    }))
  })
  return { sentence, paragraph, heading, faq }
}

/**
 * The heavy article of issue 16's typing figures: about 10,000 words in 130
 * top-level blocks, 20 of them FAQs of five questions and 10 promo slots.
 */
export function faqHeavyBody(promoId: string, seed = 16): BodyDoc {
  const { paragraph, heading, faq } = syntheticText(seed)
  const content: BodyNode[] = []
  for (let section = 0; section < 10; section++) {
    content.push(heading(2), paragraph(90), ...Array.from({ length: 3 }, () => paragraph(75)), heading(3), ...Array.from({ length: 4 }, () => paragraph(75)))
    content.push(faq(), faq(), { type: 'promoSlot', attrs: { promoId } })
  }
  return { type: 'doc', content }
}

/**
 * Realistic stand-ins for articles: about 1,200 words drawn with a Zipf-like
 * skew from the fixture's own vocabulary plus rarer made-up words, headings,
 * an FAQ of five items and two promo slots. Deterministic for a given seed.
 */
export function syntheticArticles(count: number, promoId: string, seed = 1): Partial<EditableFields>[] {
  const { sentence, paragraph, heading, faq } = syntheticText(seed)
  const promo: BodyNode = { type: 'promoSlot', attrs: { promoId } }
  // One FAQ for all, drawn before the articles, so a seed gives the same library as it always did.
  const sharedFaq = faq()
  const statuses = ['draft', 'in-review', 'changes-requested', 'approved', 'published'] as const
  const tags = ['AI', 'Netflix', 'Hollywood', 'Streaming', 'Business', 'Culture', 'Tech', 'Policy']
  const authors = ['Hajra Naz', 'Sam Ortiz', 'Lea Brun', 'Kofi Mensah']

  return Array.from({ length: count }, (_, i) => {
    const content: BodyNode[] = [paragraph(90), paragraph(90)]
    for (let s = 0; s < 5; s++) {
      content.push(heading(2), paragraph(80), paragraph(80))
      if (s === 1 || s === 3) content.push(promo)
      if (s === 2) content.push(heading(3), paragraph(60))
    }
    content.push(sharedFaq)
    return {
      title: `${sentence(7).slice(0, -1)} ${i + 1}`,
      dek: sentence(18),
      authors: [authors[i % authors.length]!],
      status: statuses[i % statuses.length]!,
      tags: [tags[i % tags.length]!, tags[(i * 3 + 1) % tags.length]!],
      category: 'News',
      description: sentence(25),
      body: { type: 'doc', content } satisfies BodyDoc
    }
  })
}

/** A word that occurs in the synthetic text, for search queries. */
export function sampleWords(articles: Partial<EditableFields>[], count: number): string[] {
  const pool = articles.slice(0, 50).flatMap((a) => bodyText(a.body!).toLowerCase().match(/[a-z]{5,}/g) ?? [])
  return Array.from({ length: count }, (_, i) => pool[(i * 7919) % pool.length]!)
}
