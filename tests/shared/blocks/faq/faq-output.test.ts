import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exportHtml, exportMarkdown, profiles } from '../../../../src/shared/export'
import { articleWith, bulletList, faq, fixtureContext, link, p, text } from '../../export/support/body'
import { byClass, byTag, jsonLd, parseDocument, textOf } from '../../export/support/hast-query'

const ctx = fixtureContext()
const block = faq(
  'Questions',
  ['  What   is it? ', [p('A ', text('tool', 'italic'), ' — see ', text('docs', link('https://example.com/docs')), '.'), bulletList([p('fast')], [p('offline')])]],
  ['Who?', [p('Writers.')]]
)

describe('FAQ block', () => {
  describe('reading', () => {
    it('keeps items with both a question and an answer, as one-line questions', () => {
      const { content, warnings } = exportHtml(articleWith([faq('Q', ['Kept?', [p('Yes.')]], ['Empty?', []], ['', [p('No question.')]])]), ctx, { fragment: true })
      expect(byClass(parseDocument(content, true), 'copydesk-faq-question').map(textOf)).toEqual(['Kept?'])
      expect(warnings.map((warning) => warning.kind)).toEqual(['empty-faq-answer', 'empty-faq-question'])
    })
  })

  describe('HTML', () => {
    const doc = parseDocument(exportHtml(articleWith([block]), ctx, { fragment: true }).content, true)

    it('is a section with its title, each question as a heading and its rich answer', () => {
      const [section] = byClass(doc, 'copydesk-faq')
      expect(section!.tagName).toBe('section')
      expect(textOf(byTag(section!, 'h2')[0]!)).toBe('Questions')
      expect(byTag(section!, 'h3').map(textOf)).toEqual(['What is it?', 'Who?'])
      const answer = byClass(section!, 'copydesk-faq-answer')[0]!
      expect(byTag(answer, 'em').map(textOf)).toEqual(['tool'])
      expect(byTag(answer, 'a')[0]!.properties['href']).toBe('https://example.com/docs')
      expect(byTag(answer, 'li').map(textOf)).toEqual(['fast', 'offline'])
    })

    it('gives the FAQPage JSON-LD the plain text of each answer', () => {
      expect(jsonLd(doc)[1]!['mainEntity']).toEqual([
        { '@type': 'Question', name: 'What is it?', acceptedAnswer: { '@type': 'Answer', text: 'A tool — see docs.\nfast\noffline' } },
        { '@type': 'Question', name: 'Who?', acceptedAnswer: { '@type': 'Answer', text: 'Writers.' } }
      ])
    })
  })

  describe('Markdown', () => {
    it.each([
      ['hugo', '{{< copydesk-faq index="0" >}}'],
      ['jekyll', '{% include copydesk/faq.html index=0 %}'],
      ['astro', '<CopydeskFaq title={"Questions"} index={0} faq={frontmatter.faq}>'],
      ['plain', '<section class="copydesk-faq">']
    ] as const)('%s writes the block as %s', (profile, syntax) => {
      expect(exportMarkdown(articleWith([block]), ctx, profile).content).toContain(`\n${syntax}\n`)
    })

    it.each([
      ['hugo', '[docs](https://example.com/docs)'],
      // Kramdown takes a link's address as written, so the jekyll dialect writes it whole in angle brackets.
      ['jekyll', '[docs](<https://example.com/docs>)'],
      ['astro', '[docs](https://example.com/docs)']
    ] as const)('%s carries the answer as Markdown in the front matter', (profile, docsLink) => {
      const content = exportMarkdown(articleWith([block]), ctx, profile).content
      const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(content)![1]!) as { faq: { items: { answer: string }[] }[] }
      expect(data.faq[0]!.items[0]!.answer).toBe(`A *tool* — see ${docsLink}.\n\n- fast\n- offline`)
    })
  })

  describe('site kit', () => {
    it.each(['hugo', 'jekyll', 'astro'] as const)('%s has templates reading the front matter the export writes', (profile) => {
      const kit = profiles[profile].siteKit().filter((file) => /faq/i.test(file.path))
      expect(kit.length).toBeGreaterThan(0)
      const templates = kit.map((file) => file.content).join('\n')
      for (const field of ['faq', 'question', 'answer_text', 'FAQPage', 'copydesk-faq-question']) expect(templates).toContain(field)
    })
  })
})
