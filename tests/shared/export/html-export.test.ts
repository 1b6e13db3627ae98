import { describe, expect, it } from 'vitest'
import { exportHtml } from '../../../src/shared/export'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { articleWith, faq, fixtureContext, heading, image, link, p, promoSlot, text } from './support/body'
import { byClass, byTag, elements, jsonLd, parseDocument, textOf } from './support/hast-query'

const breakout = 'Ends </script><script>alert(1)</script> <!-- and \u2028 \u2029 ]]> here'

describe('exportHtml', () => {
  const ctx = fixtureContext()

  it('writes a standalone document whose article has the title, dek, byline and publish date', () => {
    const { content } = exportHtml(netflixArticle(), ctx)
    const doc = parseDocument(content)
    expect(content.startsWith('<!doctype html>\n')).toBe(true)
    expect(byTag(doc, 'html')[0]!.properties['lang']).toBe('en')
    expect(textOf(byTag(doc, 'title')[0]!)).toBe(netflixArticle().title)
    const [article] = byTag(doc, 'article')
    expect(textOf(byTag(article!, 'h1')[0]!)).toBe(netflixArticle().title)
    expect(byTag(article!, 'h1')).toHaveLength(1)
    expect(textOf(byClass(article!, 'copydesk-byline')[0]!)).toBe('By Hajra Naz · Published October 22, 2025')
    expect(byTag(article!, 'time')[0]!.properties['dateTime']).toBe('2025-10-22')
    expect(textOf(byClass(article!, 'copydesk-dek')[0]!)).toBe(netflixArticle().dek)
    expect(byTag(article!, 'h2').map(textOf)).toEqual([
      'AI as a Tool, Not a Replacement',
      'AI Concerns in Hollywood',
      'The Sora Controversy',
      'Netflix’s Latest Financial Results',
      'FAQs',
      'Related articles'
    ])
  })

  it('keeps the page outline unbroken (a heading at most one level below the one before it), and says which headings moved', () => {
    const article = articleWith([heading(4, 'Straight after the title'), heading(6, 'Next'), heading(2, 'Back up'), heading(5, 'Down three')])
    const result = exportHtml(article, ctx)
    expect(result.warnings.filter((warning) => warning.kind === 'heading-level').map((warning) => warning.message)).toEqual([
      'The H4 heading “Straight after the title” is an H2 in the HTML page: a heading may go only one level below the one before it.',
      'The H6 heading “Next” is an H3 in the HTML page: a heading may go only one level below the one before it.',
      'The H5 heading “Down three” is an H3 in the HTML page: a heading may go only one level below the one before it.'
    ])
    const doc = parseDocument(result.content)
    const headings = elements(byTag(doc, 'article')[0]!, (element) => /^h[1-6]$/.test(element.tagName))
    expect(headings.map((element) => `${element.tagName} ${textOf(element)}`)).toEqual([
      `h1 ${article.title}`,
      'h2 Straight after the title',
      'h3 Next',
      'h2 Back up',
      'h3 Down three'
    ])
  })

  it('calls an article without a title “Untitled article” rather than leaving the heading empty', () => {
    const doc = parseDocument(exportHtml(articleWith([p('Text.')], { title: '  ' }), ctx).content)
    expect(textOf(byTag(doc, 'title')[0]!)).toBe('Untitled article')
    expect(textOf(byTag(doc, 'h1')[0]!)).toBe('Untitled article')
  })

  it('gives just the article and its JSON-LD as a fragment on request', () => {
    const { content } = exportHtml(netflixArticle(), ctx, { fragment: true })
    const fragment = parseDocument(content, true)
    expect(content.startsWith('<article>')).toBe(true)
    expect(byTag(fragment, 'html')).toHaveLength(0)
    expect(byTag(fragment, 'style')).toHaveLength(0)
    expect(jsonLd(fragment).map((entry) => entry['@type'])).toEqual(['Article', 'FAQPage'])
  })

  it('dates an unpublished article by its last update', () => {
    const { content } = exportHtml({ ...netflixArticle(), publishDate: null, updatedAt: '2025-11-03T08:00:00.000Z' }, ctx)
    const time = byTag(parseDocument(content), 'time')[0]!
    expect(time.properties['dateTime']).toBe('2025-11-03T08:00:00.000Z')
    expect(textOf(time)).toBe('November 3, 2025')
  })

  it('shows FAQ questions and answers and carries exactly one FAQPage merging every FAQ block', () => {
    const article = articleWith([
      faq('Basics', ['What is it?', [p('A ', text('tool', 'bold'), '.')]], ['Is it free?', [p('Yes.'), p('Mostly.')]]),
      p('Between the blocks.'),
      faq('More', ['Who made it?', [p('Writers.')]])
    ])
    const doc = parseDocument(exportHtml(article, ctx).content)
    expect(byClass(doc, 'copydesk-faq').map((section) => textOf(byTag(section, 'h2')[0]!))).toEqual(['Basics', 'More'])
    expect(byClass(doc, 'copydesk-faq-question').map(textOf)).toEqual(['What is it?', 'Is it free?', 'Who made it?'])
    expect(byTag(byClass(doc, 'copydesk-faq-answer')[0]!, 'strong').map(textOf)).toEqual(['tool'])
    const faqPages = jsonLd(doc).filter((entry) => entry['@type'] === 'FAQPage')
    expect(faqPages).toHaveLength(1)
    expect(faqPages[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [
        { '@type': 'Question', name: 'What is it?', acceptedAnswer: { '@type': 'Answer', text: 'A tool.' } },
        { '@type': 'Question', name: 'Is it free?', acceptedAnswer: { '@type': 'Answer', text: 'Yes.\nMostly.' } },
        { '@type': 'Question', name: 'Who made it?', acceptedAnswer: { '@type': 'Answer', text: 'Writers.' } }
      ]
    })
  })

  it('has no FAQPage at all when the article has no FAQ', () => {
    const doc = parseDocument(exportHtml(articleWith([p('Just text.')]), ctx).content)
    expect(jsonLd(doc).map((entry) => entry['@type'])).toEqual(['Article'])
  })

  it('describes the article in Article JSON-LD', () => {
    const article = { ...netflixArticle(), featuredImage: { src: 'media/cover.jpg', alt: 'A cinema' } }
    const [data] = jsonLd(parseDocument(exportHtml(article, ctx).content))
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: article.title,
      author: [{ '@type': 'Person', name: 'Hajra Naz' }],
      datePublished: '2025-10-22',
      dateModified: '2025-10-22T09:30:00.000Z',
      image: ['media/cover.jpg']
    })
  })

  it('keeps JSON-LD text inside its script element whatever the text', () => {
    const article = articleWith([faq(breakout, [breakout, [p(breakout)]])], { title: breakout, authors: [breakout] })
    const { content } = exportHtml(article, ctx)
    const doc = parseDocument(content)
    // A browser's parser finds the two JSON-LD scripts and nothing else: no text ended one early.
    expect(elements(doc, (element) => element.tagName === 'script')).toHaveLength(2)
    expect(textOf(byTag(doc, 'h1')[0]!)).toBe(breakout)
    const [articleData, faqData] = jsonLd(doc)
    expect(articleData!['headline']).toBe(breakout)
    expect(articleData!['author']).toEqual([{ '@type': 'Person', name: breakout }])
    expect(faqData!['mainEntity']).toEqual([{ '@type': 'Question', name: breakout.replace(/\s+/g, ' '), acceptedAnswer: { '@type': 'Answer', text: breakout } }])
    for (const script of byTag(doc, 'script')) expect(textOf(script)).not.toMatch(/[<>&\u2028\u2029]/)
  })

  it('escapes every user-written string in text and attributes', () => {
    const hostile = '"><img src=x onerror=alert(1)> & <b>'
    const article = articleWith([p(hostile), image('media/photo.jpg', hostile)], {
      title: hostile,
      dek: hostile,
      description: hostile,
      authors: [hostile],
      featuredImage: { src: 'media/cover.jpg', alt: hostile }
    })
    const doc = parseDocument(exportHtml(article, ctx).content)
    expect(elements(doc, (element) => element.properties['onError'] !== undefined)).toHaveLength(0)
    expect(byTag(doc, 'b')).toHaveLength(0)
    expect(textOf(byTag(doc, 'title')[0]!)).toBe(hostile)
    expect(textOf(byTag(doc, 'h1')[0]!)).toBe(hostile)
    expect(byTag(doc, 'meta').find((meta) => meta.properties['name'] === 'description')!.properties['content']).toBe(hostile)
    expect(byTag(doc, 'img').map((img) => img.properties['alt'])).toEqual([hostile, hostile])
  })

  it('drops links and images that could run code, keeping the text, with a warning', () => {
    const article = articleWith([
      p(text('click', link('javascript:alert(1)')), ' ', text('data', link('data:text/html,<script>x</script>')), ' ', text('ok', link('https://example.com/'))),
      image('javascript:alert(1)', 'x')
    ])
    const { content, warnings } = exportHtml(article, ctx)
    expect(content).not.toMatch(/javascript:|data:text/)
    expect(byTag(parseDocument(content), 'a').map((a) => a.properties['href'])).toEqual(['https://example.com/'])
    expect(textOf(byTag(parseDocument(content), 'article')[0]!)).toContain('click data ok')
    expect(warnings.map((warning) => warning.kind)).toEqual(['unsafe-link', 'unsafe-link', 'unsafe-image'])
  })

  describe('promo slots', () => {
    it('resolves the promo at export time: labelled, with a sponsored link', () => {
      const doc = parseDocument(exportHtml(articleWith([promoSlot(hostingPromo().id)]), ctx).content)
      const [aside] = byClass(doc, 'copydesk-promo')
      expect(aside!.tagName).toBe('aside')
      expect(textOf(byClass(aside!, 'copydesk-promo-label')[0]!)).toBe('Sponsored · Example Hosting')
      expect(textOf(aside!)).toContain('Hosting 75% off')
      const [a] = byTag(aside!, 'a')
      expect(a!.properties['href']).toBe(hostingPromo().url)
      expect(a!.properties['rel']).toEqual(['sponsored', 'noopener'])
    })

    it.each([
      ['a promo missing from the library', promoSlot('0000aaaa-missing-promo'), fixtureContext(), 'missing-promo'],
      ['a slot with no promo chosen', promoSlot(null), fixtureContext(), 'missing-promo'],
      ['an expired promo', promoSlot(hostingPromo().id), fixtureContext({ today: '2031-01-01' }), 'expired-promo'],
      ['a promo not started yet', promoSlot(hostingPromo().id), fixtureContext({ today: '2024-12-31' }), 'scheduled-promo']
    ] as const)('leaves out %s, with a warning and no empty box', (_name, slot, context, kind) => {
      const { content, warnings } = exportHtml(articleWith([p('Before.'), slot, p('After.')]), context)
      expect(byClass(parseDocument(content), 'copydesk-promo')).toHaveLength(0)
      expect(content).not.toContain('Sponsored')
      expect(warnings).toEqual([{ articleId: netflixArticle().id, kind, message: expect.any(String) }])
    })

    it('runs a promo on its last day', () => {
      const { content, warnings } = exportHtml(articleWith([promoSlot(hostingPromo().id)]), fixtureContext({ today: '2030-12-31' }))
      expect(byClass(parseDocument(content), 'copydesk-promo')).toHaveLength(1)
      expect(warnings).toEqual([])
    })
  })

  it('warns about images without alt text and FAQ items without an answer or question, leaving the items out', () => {
    const article = articleWith(
      [image('media/photo.jpg', ''), faq('FAQs', ['Answered?', [p('Yes.')]], ['Unanswered?', [p('  ')]], ['', [p('An orphan answer.')]])],
      { featuredImage: { src: 'media/cover.jpg', alt: ' ' } }
    )
    const { content, warnings } = exportHtml(article, ctx)
    expect(warnings.map((warning) => warning.kind)).toEqual(['missing-alt', 'missing-alt', 'empty-faq-answer', 'empty-faq-question'])
    expect(warnings.every((warning) => warning.articleId === article.id && warning.message.length > 10)).toBe(true)
    const doc = parseDocument(content)
    expect(byClass(doc, 'copydesk-faq-question').map(textOf)).toEqual(['Answered?'])
    expect(jsonLd(doc)[1]!['mainEntity']).toHaveLength(1)
  })

  it('leaves out an FAQ block with no complete item, and its FAQPage', () => {
    const { content, warnings } = exportHtml(articleWith([faq('FAQs', ['Unanswered?', []])]), ctx)
    const doc = parseDocument(content)
    expect(byClass(doc, 'copydesk-faq')).toHaveLength(0)
    expect(jsonLd(doc).map((entry) => entry['@type'])).toEqual(['Article'])
    expect(warnings.map((warning) => warning.kind)).toEqual(['empty-faq-answer'])
  })

  it('lists related articles it knows, and warns about the others', () => {
    const article = { ...netflixArticle(), related: [...netflixArticle().related, '0000aaaa-not-exported'] }
    const { content, warnings } = exportHtml(article, ctx)
    const [related] = byClass(parseDocument(content), 'copydesk-related')
    expect(byTag(related!, 'a').map((a) => a.properties['href'])).toEqual([
      'what-causes-many-entrepreneurs-to-fail.html',
      'begin-your-ai-journey-with-google-skills.html'
    ])
    expect(warnings.map((warning) => warning.kind)).toEqual(['missing-related'])
  })

  it('exports the text as accepted so far: pending insertions out, pending deletions still in, no comment marks', () => {
    const suggestion = (type: string, id: string) => ({ type, attrs: { id, author: 'Editor', role: 'editor', at: '2025-10-23T10:00:00.000Z' } })
    const article = articleWith([
      p(
        text('Netflix '),
        text('really ', suggestion('suggestionInsert', 's1')),
        text('bets ', suggestion('suggestionDelete', 's2')),
        text('big', { type: 'comment', attrs: { threadId: 'c1' } }),
        text('.')
      )
    ])
    const { content } = exportHtml(article, ctx, { fragment: true })
    expect(byTag(parseDocument(content, true), 'p').map(textOf)).toContain('Netflix bets big.')
    expect(content).not.toMatch(/suggestion|comment|<ins|<del/)
  })
})
