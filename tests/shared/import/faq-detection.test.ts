import { describe, expect, it } from 'vitest'
import { faqsOf, importFixture, importOk, outline } from './import-helpers'

const faqs = (markdown: string, name = 'post.md') => faqsOf(importOk(name, markdown).doc)

describe('FAQ sections in Markdown', () => {
  it('reads questions written as sub-headings, bold lines or lines ending with “?”', () => {
    const expected = [
      { question: 'What is it?', answer: 'A tool.' },
      { question: 'Who is it for?', answer: 'Editors.' }
    ]
    expect(faqs('## FAQ\n\n### What is it?\n\nA tool.\n\n### Who is it for?\n\nEditors.\n')[0]!.items).toEqual(expected)
    expect(faqs('## FAQ\n\n**What is it?**\n\nA tool.\n\n__Who is it for?__\n\nEditors.\n')[0]!.items).toEqual(expected)
    expect(faqs('## FAQ\n\nWhat is it?\n\nA tool.\n\nWho is it for?\n\nEditors.\n')[0]!.items).toEqual(expected)
  })

  it('drops “Q1:”/“A:” prefixes and reads a question and its answer sharing a paragraph', () => {
    const markdown = '## Frequently asked questions\n\nQ1: What is it?\nA: A tool.\n\n**Q2. Who is it for?** Editors, mostly.\n\nQuestion 3 - Is it free?\n\nAnswer: Yes.\n'
    expect(faqs(markdown)).toEqual([
      {
        title: 'Frequently asked questions',
        items: [
          { question: 'What is it?', answer: 'A tool.' },
          { question: 'Who is it for?', answer: 'Editors, mostly.' },
          { question: 'Is it free?', answer: 'Yes.' }
        ]
      }
    ])
  })

  it('keeps multi-paragraph answers and lists, and ends the FAQ at the next section', () => {
    const imported = importOk('post.md', '## FAQs about pricing\n\nA short intro.\n\n### Is there a trial?\n\nYes.\n\nIt lasts 30 days.\n\n- no card needed\n- cancel any time\n\n## Next section\n\nNot an answer?\n')
    expect(outline(imported.doc)).toEqual([
      'paragraph: A short intro.',
      'faq: Is there a trial?Yes.It lasts 30 days.no card neededcancel any time',
      'heading h2: Next section',
      'paragraph: Not an answer?'
    ])
    expect(faqsOf(imported.doc)[0]!.title).toBe('FAQs about pricing')
  })

  it('stops at a divider and leaves a heading with no questions as a heading', () => {
    expect(outline(importOk('post.md', '## FAQ\n\n**Why?**\n\nBecause.\n\n---\n\nSigned, the team.\n').doc)).toEqual([
      'faq: Why?Because.',
      'horizontalRule:',
      'paragraph: Signed, the team.'
    ])
    expect(outline(importOk('post.md', '## FAQ\n\nComing soon.\n').doc)).toEqual(['heading h2: FAQ', 'paragraph: Coming soon.'])
  })

  it('opens an FAQ at a bare “FAQs:” line, which any heading ends', () => {
    const imported = importOk('post.md', 'Intro.\n\nFAQs:\n\n**Is it new?**\n\nYes.\n\n## Next\n\nText.\n')
    expect(outline(imported.doc)).toEqual(['paragraph: Intro.', 'faq: Is it new?Yes.', 'heading h2: Next', 'paragraph: Text.'])
    expect(faqsOf(imported.doc)[0]!.title).toBe('FAQs')
    expect(outline(importOk('post.md', 'See the FAQ.\n\n**Bold line**\n\nText.\n').doc)).toEqual(['paragraph: See the FAQ.', 'paragraph: Bold line', 'paragraph: Text.'])
  })

  it('keeps a question without an answer, with an empty answer and a warning', () => {
    const imported = importOk('post.md', '## FAQ\n\n### First?\n\n### Second?\n\nAnswer two.\n')
    expect(faqsOf(imported.doc)[0]!.items).toEqual([
      { question: 'First?', answer: '' },
      { question: 'Second?', answer: 'Answer two.' }
    ])
    expect(imported.warnings).toContain('The FAQ question “First?” has no answer.')
  })

  it('reads GitHub-style <details> with a Markdown answer', () => {
    const markdown = '## FAQ\n\n<details>\n<summary>Does it work offline?</summary>\n\nYes, **fully**.\n\n- no account\n\n</details>\n<details><summary>Is it free?</summary>\n\nFor writers, yes.\n\n</details>\n\nAfter the FAQ.\n'
    const imported = importOk('post.md', markdown)
    expect(faqsOf(imported.doc)).toEqual([
      {
        title: 'FAQ',
        items: [
          { question: 'Does it work offline?', answer: 'Yes, fully.\nno account' },
          { question: 'Is it free?', answer: 'For writers, yes.' }
        ]
      }
    ])
    expect(outline(imported.doc).at(-1)).toBe('paragraph: After the FAQ.')
  })
})

describe('FAQ shortcodes and includes', () => {
  it('reads paired Hugo shortcodes with a question per item', () => {
    const markdown = [
      'Intro.',
      '{{< faq title="Billing questions" >}}',
      '{{< faq-item question="Can I pay yearly?" >}}',
      'Yes, with **two months** free.',
      '{{< /faq-item >}}',
      '{{< faq-item question="Do you refund?" >}}',
      'Within 14 days.',
      '{{< /faq-item >}}',
      '{{< /faq >}}',
      'Outro.'
    ].join('\n')
    const imported = importOk('post.md', markdown)
    expect(faqsOf(imported.doc)).toEqual([
      { title: 'Billing questions', items: [{ question: 'Can I pay yearly?', answer: 'Yes, with two months free.' }, { question: 'Do you refund?', answer: 'Within 14 days.' }] }
    ])
    expect(outline(imported.doc)).toEqual(['paragraph: Intro.', 'faq: Can I pay yearly?Yes, with two months free.Do you refund?Within 14 days.', 'paragraph: Outro.'])
  })

  it('reads questions written out between a paired {{% faq %}} shortcode', () => {
    expect(faqs('{{% faq %}}\n### One?\nFirst.\n### Two?\nSecond.\n{{% /faq %}}\n')).toEqual([
      { title: 'FAQs', items: [{ question: 'One?', answer: 'First.' }, { question: 'Two?', answer: 'Second.' }] }
    ])
  })

  it('places Copydesk’s Hugo and Jekyll FAQ blocks from the front matter data they point to', () => {
    const frontMatter = '---\ntitle: T\nfaq:\n  - title: First FAQ\n    items:\n      - question: A?\n        answer: Answer *A*.\n  - title: Second FAQ\n    items:\n      - question: B?\n        answer: "- one\\n- two"\n---\n'
    const hugo = faqs(`${frontMatter}Start.\n\n{{< copydesk-faq index="1" >}}\n\nMiddle.\n\n{{< copydesk-faq index="0" >}}\n`)
    const jekyll = faqs(`${frontMatter}Start.\n\n{% include copydesk/faq.html index=1 %}\n\nMiddle.\n\n{% include copydesk/faq.html index=0 %}\n`)
    const expected = [
      { title: 'Second FAQ', items: [{ question: 'B?', answer: 'one\ntwo' }] },
      { title: 'First FAQ', items: [{ question: 'A?', answer: 'Answer A.' }] }
    ]
    expect(hugo).toEqual(expected)
    expect(jekyll).toEqual(expected)
  })

  it('adds front matter FAQ data that no tag places at the end, and says so', () => {
    const imported = importOk('post.md', '---\nfaq:\n  - question: Why?\n    answer: Because.\n---\nBody.\n')
    expect(outline(imported.doc)).toEqual(['paragraph: Body.', 'faq: Why?Because.'])
    expect(imported.warnings).toContain('The FAQ from the front matter had no place in the text; it was added at the end of the article.')
  })

  it('leaves out an FAQ tag with nothing to show, with a warning', () => {
    const imported = importOk('post.md', 'Body.\n\n{{< faq >}}\n')
    expect(outline(imported.doc)).toEqual(['paragraph: Body.'])
    expect(imported.warnings).toContain('The FAQ tag “{{< faq >}}” has no questions with it (none in the front matter either); it was left out.')
  })

  it('reads Copydesk’s Astro components in MDX', () => {
    const imported = importOk('how-we-test.mdx', importFixture('copydesk-astro-export.mdx'))
    expect(outline(imported.doc)).toEqual([
      'paragraph: Every release goes through the same checklist.',
      'promoSlot:',
      'faq: Do you test on real devices?Yes, on three phones.How long does a release take? <1 dayAbout a day.'
    ])
    expect(faqsOf(imported.doc)[0]!.title).toBe('Testing FAQs')
  })

  it('reads Copydesk’s Hugo export: FAQ data, promo shortcode and escaped shortcodes in code', () => {
    const imported = importOk('how-we-test.md', importFixture('copydesk-hugo-export.md'))
    expect(faqsOf(imported.doc)).toEqual([
      {
        title: 'Testing FAQs',
        items: [
          { question: 'Do you test on real devices?', answer: 'Yes, on three phones:\none old Android phone\none recent iPhone\none tablet' },
          { question: 'How long does a release take?', answer: 'About a day.' }
        ]
      }
    ])
    expect(outline(imported.doc)).toContain('promoSlot:')
    expect(outline(imported.doc)).toContain('codeBlock: // Hugo shows this shortcode instead of running it:\n{{< copydesk-faq index="0" >}}')
    expect(imported.warnings).toEqual([])
  })
})
