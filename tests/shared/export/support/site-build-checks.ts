import type { Root } from 'hast'
import { expect } from 'vitest'
import type { Article } from '../../../../src/shared/article/article'
import { exportHtml, type ExportContext } from '../../../../src/shared/export'
import { hostingPromo } from '../../../fixtures/netflix'
import { byClass, byTag, jsonLd, textOf } from './hast-query'
import { articleBodyShape, htmlShape } from './html-shape'

/** What every site kit must show on a built page, whichever generator built it. */

/** The fixture's FAQ shown as questions and answers, with exactly one FAQPage JSON-LD listing the same questions. */
export function expectFixtureFaq(page: Root): void {
  const questions = byClass(page, 'copydesk-faq-question').map(textOf)
  expect(questions).toHaveLength(5)
  expect(questions[4]).toBe('What is Sora 2, and why is it controversial?')
  expect(textOf(byClass(page, 'copydesk-faq-answer')[0]!)).toContain('Netflix utilizes AI to support creative teams')
  const faqPages = jsonLd(page).filter((entry) => entry['@type'] === 'FAQPage')
  expect(faqPages).toHaveLength(1)
  expect((faqPages[0]!['mainEntity'] as { name: string }[]).map((question) => question.name)).toEqual(questions)
}

/** The fixture's two promo slots, labelled, with sponsored links to the promo. */
export function expectSponsoredPromos(page: Root, headline?: string): void {
  const promos = byClass(page, 'copydesk-promo')
  expect(promos).toHaveLength(2)
  for (const promo of promos) {
    expect(textOf(byClass(promo, 'copydesk-promo-label')[0]!)).toBe('Sponsored · Example Hosting')
    if (headline) expect(textOf(byClass(promo, 'copydesk-promo-headline')[0]!)).toBe(headline)
    const [a] = byTag(promo, 'a')
    expect(a!.properties['href']).toBe(hostingPromo().url)
    expect(a!.properties['rel']).toEqual(['sponsored', 'noopener'])
  }
}

/** The built page's article reads like Copydesk's own HTML export of it; only where the site serves the image from differs. */
export function expectReadsLikeHtmlExport(page: Root, article: Article, ctx: ExportContext, media: { library: string; site: string }): void {
  const built = byTag(page, 'article')[0]!
  const expected = JSON.parse(JSON.stringify(articleBodyShape(exportHtml(article, ctx, { fragment: true }).content)).replace(`"${media.library}"`, `"${media.site}"`))
  expect(htmlShape({ type: 'root', children: built.children })).toEqual(expected)
}

/** The page's only script, its FAQPage JSON-LD, as question and answer pairs: text that could end a script early would have split or dropped it. */
export function faqPageEntries(page: Root): [string, string][] {
  expect(byTag(page, 'script')).toHaveLength(1)
  const [faqPage] = jsonLd(page)
  return (faqPage!['mainEntity'] as { name: string; acceptedAnswer: { text: string } }[]).map((entry) => [entry.name, entry.acceptedAnswer.text])
}
