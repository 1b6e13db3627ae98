import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { HtmlRenderer, Parser } from 'commonmark'
import { Liquid } from 'liquidjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Article } from '../../../src/shared/article/article'
import { exportHtml, exportMarkdown, profiles } from '../../../src/shared/export'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { adversarialBody } from './support/adversarial'
import { articleWith, faq, fixtureContext, p, promoSlot, text } from './support/body'
import { byClass, byTag, jsonLd, parseDocument, textOf } from './support/hast-query'
import { articleBodyShape, htmlShape } from './support/html-shape'

const markdownToHtml = (markdown: string): string => new HtmlRenderer().render(new Parser().parse(markdown))
const breakout = 'Is </script><script>alert(1)</script> <!-- safe & sound\u2028?'

/**
 * Jekyll's two passes over an exported post, without Ruby: Liquid (LiquidJS in
 * its Jekyll mode, with the site kit's includes on disk and the front matter as
 * `page`), then Markdown. The CommonMark reference implementation stands in for
 * kramdown, and for Jekyll's `markdownify` filter.
 */
describe('the jekyll site kit, rendered by Liquid', () => {
  let site: Awaited<ReturnType<typeof makeTempDir>>
  let liquid: Liquid
  const ctx = fixtureContext()

  async function render(article: Article): Promise<string> {
    const [, yamlText, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(exportMarkdown(article, ctx, 'jekyll').content)!
    const page = parse(yamlText!, { version: '1.1' }) as Record<string, unknown>
    return markdownToHtml(await liquid.parseAndRender(body!, { page }))
  }

  beforeAll(async () => {
    site = await makeTempDir('copydesk-jekyll-')
    for (const file of profiles.jekyll.siteKit()) {
      await mkdir(dirname(join(site.path, file.path)), { recursive: true })
      await writeFile(join(site.path, file.path), file.content)
    }
    liquid = new Liquid({ root: join(site.path, '_includes'), jekyllInclude: true, strictFilters: true })
    liquid.registerFilter('markdownify', (value: string) => markdownToHtml(String(value ?? '')))
  })

  afterAll(() => site?.cleanup())

  it('renders the fixture’s FAQ and promos, with exactly one FAQPage JSON-LD', async () => {
    const doc = parseDocument(await render(netflixArticle()), true)
    expect(byClass(doc, 'copydesk-faq-question').map(textOf)).toHaveLength(5)
    const faqPages = jsonLd(doc).filter((entry) => entry['@type'] === 'FAQPage')
    expect(faqPages).toHaveLength(1)
    expect(faqPages[0]!['mainEntity']).toHaveLength(5)
    const promos = byClass(doc, 'copydesk-promo')
    expect(promos).toHaveLength(2)
    expect(byTag(promos[0]!, 'a')[0]!.properties).toMatchObject({ href: hostingPromo().url, rel: ['sponsored', 'noopener'] })
  })

  it('gives a page that reads exactly like the HTML export, hostile text and two FAQ blocks included', async () => {
    const article = articleWith([
      ...adversarialBody(),
      faq('First', ['What is {{ page.title }}?', [p('A ', text('Liquid', 'bold'), ' tag.')]], [breakout, [p(breakout)]]),
      promoSlot(hostingPromo().id),
      faq('Second', ['Last?', [p('Yes.')]])
    ])
    const html = await render(article)
    expect(htmlShape(html)).toEqual(articleBodyShape(exportHtml(article, ctx, { fragment: true }).content))
    const doc = parseDocument(html, true)
    expect(byTag(doc, 'script')).toHaveLength(1)
    const questions = jsonLd(doc)[0]!['mainEntity'] as { name: string; acceptedAnswer: { text: string } }[]
    // A question is one line: its U+2028 became a space; the answer keeps it.
    expect(questions.map((entry) => entry.name)).toEqual(['What is {{ page.title }}?', breakout.replace('\u2028', ' '), 'Last?'])
    expect(questions[1]!.acceptedAnswer.text).toBe(breakout)
  })
})
