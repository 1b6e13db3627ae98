import { describe, expect, it } from 'vitest'
import { isSafeLinkUrl } from '../../../src/shared/article/urls'
import { faqsOf, importFixture, importOk, linksOf, nodesOf, outline } from './import-helpers'

describe('HTML import: a saved news page', () => {
  const imported = importOk('streaming-prices.html', importFixture('saved-news-page.html'))
  const text = imported.doc.textBetween(0, imported.doc.content.size, '\n')

  it('reads the article’s fields from its h1, meta tags and time', () => {
    expect(imported.fields).toMatchObject({
      title: 'Streaming Wars: What the Price Hikes Mean for You',
      description: 'Every major streamer raised prices this year. Here is what changed, who pays more and how to keep your bill down.',
      authors: ['Maya Ortiz'],
      publishDate: '2025-09-14T07:45:00-04:00',
      tags: ['Streaming', 'Prices', 'Subscriptions'],
      category: 'Business'
    })
    expect(imported.warnings).toContain('The page’s featured image (https://dailyscreen.example/images/streaming-prices.jpg) was not imported: add it from the article’s settings.')
  })

  it('keeps the article body and nothing of the page around it', () => {
    expect(outline(imported.doc)).toEqual([
      'paragraph: Every major streaming service has raised its prices at least once this year, and several did it twice. For households juggling three or four subscriptions, the total now rivals the cable bills people cut years ago.',
      'image:',
      'paragraph: Prices went up across the board in 2025.',
      'heading h2: Who raised prices, and by how much',
      'paragraph: The biggest jumps came from the services with the largest libraries. Ad-free plans rose the most, while ad-supported tiers stayed flat or went up by a dollar. See the price tracker for every plan.',
      'table: ServiceOld priceNew priceStreamFlix Premium$22.99$24.99ViewMax Ad-free$15.99$17.99',
      'heading h2: How to keep your bill down',
      'bulletList: Rotate services: subscribe for the month a show you want is released, then cancel.Check bundles from your phone or internet provider.Switch to an ad-supported tier if you can live with ads.',
      'blockquote: “People are not leaving streaming, they are learning to churn,” said analyst Dana Whitfield.',
      'paragraph: Analysts expect another round of increases next spring, when several sports packages renew.',
      'faq: Why are streaming prices going up?Content costs keep rising, and services are under pressure to turn a profit after years of growth-first pricing.Is an ad-supported plan worth it?For most viewers, yes. Ad breaks are short, and the savings add up over a year.Some services also let you download shows only on ad-free plans.Can I share my account?Most services now charge for extra members outside your household.'
    ])
    for (const chrome of ['The Daily Screen', 'Skip to content', 'Reviews', 'cookies', 'Share on', 'Advertisement', 'newsletter', 'Sponsored', 'Related stories', 'comments', 'All rights reserved', 'Filed under', 'By Maya', 'gtag', 'googletag']) {
      expect(text).not.toContain(chrome)
    }
  })

  it('keeps the lazy-loaded image’s real address and alt text, without its event handler', () => {
    const [image] = nodesOf(imported.doc, 'image')
    expect(image!.attrs).toMatchObject({ src: 'https://dailyscreen.example/images/remote-tv.jpg', alt: 'A remote control in front of a television showing streaming apps' })
    expect(JSON.stringify(imported.fields.body)).not.toMatch(/onerror|onclick|alert|javascript/i)
    expect(imported.warnings).toContain('Removed 1 embedded frame, 2 event handlers (onclick, onerror…) from the imported HTML.')
  })

  it('keeps safe links and turns the javascript: link into plain text', () => {
    expect(linksOf(imported.doc)).toEqual([{ text: 'price tracker', href: 'https://dailyscreen.example/streaming-price-tracker' }])
    expect(text).toContain('Switch to an ad-supported tier if you can live with ads.')
    expect(imported.warnings).toContain('A link to a “javascript:” address was turned into plain text: “ad-supported tier”.')
  })

  it('turns the “Frequently Asked Questions” section into an FAQ block', () => {
    expect(faqsOf(imported.doc)).toEqual([
      {
        title: 'Frequently Asked Questions',
        items: [
          { question: 'Why are streaming prices going up?', answer: 'Content costs keep rising, and services are under pressure to turn a profit after years of growth-first pricing.' },
          { question: 'Is an ad-supported plan worth it?', answer: 'For most viewers, yes. Ad breaks are short, and the savings add up over a year.\nSome services also let you download shows only on ad-free plans.' },
          { question: 'Can I share my account?', answer: 'Most services now charge for extra members outside your household.' }
        ]
      }
    ])
  })
})

describe('HTML import: FAQ markup', () => {
  it('reads <details><summary> pairs under an FAQ heading as one FAQ block, without repeating the page’s FAQPage data', () => {
    const imported = importOk('returns.html', importFixture('help-page-details.html'))
    expect(imported.fields).toMatchObject({ title: 'Returns and refunds', description: 'How to return an order and when you get your money back.' })
    expect(faqsOf(imported.doc)).toEqual([
      {
        title: 'FAQs',
        items: [
          { question: 'How long do I have to return an item?', answer: 'You have 30 days from delivery.' },
          { question: 'When do I get my refund?', answer: 'Within 5 business days of receiving the item.\nCard payments: back to the card.\nGift cards: as store credit.' },
          { question: 'Who pays for return shipping?', answer: 'We do, unless the item was a final-sale product.' }
        ]
      }
    ])
    expect(outline(imported.doc).slice(0, 2)).toEqual([
      'paragraph: Most items can be returned for a full refund. Start a return from your orders page and print the label.',
      'paragraph: Items must be unused and in their original packaging. Gift cards and downloads cannot be returned.'
    ])
    expect(imported.doc.textContent).not.toContain('Related articles')
    expect(imported.warnings).toEqual(['An FAQ answer holds only text and lists: an image was left out of the answer to “Who pays for return shipping?”.'])
  })

  it('builds the FAQ from the page’s FAQPage JSON-LD when the text has none', () => {
    const page = `<html><head><title>Shipping</title><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [
        { '@type': 'Question', name: 'Do you ship abroad?', acceptedAnswer: { '@type': 'Answer', text: '<p>Yes, to <b>40</b> countries.</p><p>Duties are paid on delivery.</p>' } },
        { '@type': 'Question', name: 'Is shipping free?', acceptedAnswer: { '@type': 'Answer', text: 'Over $50. <script>alert(1)</script>' } }
      ]
      // JSON-LD writers escape "</" so the script element cannot end early.
    }).replaceAll('</', '<\\/')}</script></head><body><main><h1>Shipping</h1><p>We ship every weekday from our warehouse in Leeds.</p></main></body></html>`
    const imported = importOk('shipping.html', page)
    expect(faqsOf(imported.doc)).toEqual([
      {
        title: 'FAQs',
        items: [
          { question: 'Do you ship abroad?', answer: 'Yes, to 40 countries.\nDuties are paid on delivery.' },
          { question: 'Is shipping free?', answer: 'Over $50.' }
        ]
      }
    ])
    expect(imported.warnings).toContain('The FAQ was read from the page’s FAQPage data: the page text has no FAQ section.')
    expect(imported.warnings).toContain('Removed 1 script from the imported HTML.')
  })

  it('reads the FAQ sections Copydesk’s own HTML export and editor write, with their titles', () => {
    const exported = `<article><h1>How we test</h1><p>Intro.</p>
      <section class="copydesk-faq"><h2>Questions about testing</h2>
        <div class="copydesk-faq-item"><h3 class="copydesk-faq-question">Do you test on phones?</h3><div class="copydesk-faq-answer"><p>Yes, on <em>three</em>.</p></div></div>
        <div class="copydesk-faq-item"><h3 class="copydesk-faq-question">How long does it take?</h3><div class="copydesk-faq-answer"><ul><li>A day</li></ul></div></div>
      </section>
      <section data-type="faq" title="Editor FAQ"><div data-type="faq-item"><div data-type="faq-question">Is it fast?</div><div data-type="faq-answer"><p>Very.</p></div></div></section>
    </article>`
    const imported = importOk('how-we-test.html', exported)
    expect(faqsOf(imported.doc)).toEqual([
      { title: 'Questions about testing', items: [{ question: 'Do you test on phones?', answer: 'Yes, on three.' }, { question: 'How long does it take?', answer: 'A day' }] },
      { title: 'Editor FAQ', items: [{ question: 'Is it fast?', answer: 'Very.' }] }
    ])
    expect(outline(imported.doc)[0]).toBe('paragraph: Intro.')
  })
})

describe('HTML import: hostile markup', () => {
  const imported = importOk('hostile.html', importFixture('hostile.html'))
  const json = JSON.stringify(imported.fields.body)

  it('keeps the text but nothing that can run', () => {
    expect(json).not.toMatch(/javascript|vbscript|onerror|onload|onclick|alert\(|<script|srcdoc|document\.cookie|data:text/i)
    for (const { href } of linksOf(imported.doc)) expect(isSafeLinkUrl(href)).toBe(true)
    for (const image of nodesOf(imported.doc, 'image')) expect(isSafeLinkUrl(String(image.attrs['src']))).toBe(true)
    expect(imported.doc.textContent).toContain('Visible paragraph after the attacks.')
  })

  it('says what it removed', () => {
    expect(imported.warnings).toEqual([
      'Removed 2 scripts, 3 embedded frames, 3 event handlers (onclick, onerror…) from the imported HTML.',
      'A link to a “javascript:” address was turned into plain text: “Click me”.',
      'A link to a “javascript:” address was turned into plain text: “Encoded”.',
      'A link to a “vbscript:” address was turned into plain text: “VB”.',
      'An image with a “data:” address was left out: “pixel”.'
    ])
  })
})
