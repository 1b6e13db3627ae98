import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { exportHtml } from '../../../src/shared/export'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { adversarialBody } from './support/adversarial'
import { articleWith, faq, fixtureContext, image, p, promoSlot, text } from './support/body'
import { byClass, byTag, jsonLd, parseDocument, textOf } from './support/hast-query'
import { articleBodyShape, htmlShape } from './support/html-shape'
import { buildHugoSite } from './support/hugo-site'

const breakout = 'Is </script><script>alert(1)</script> <!-- safe & sound?'

/** Hostile text, two FAQ blocks and a promo, in a page bundle with an image. */
const tricky: Article = articleWith(
  [
    ...adversarialBody(),
    faq('First FAQ', ['What does {{< shortcode >}} do?', [p('Nothing ', text('here', 'bold'), '.')]], [breakout, [p(breakout)]]),
    promoSlot(hostingPromo().id),
    image('media/photo.png', 'A photo'),
    faq('Second FAQ', ['Last one?', [p('Yes.')]])
  ],
  { id: '0badc0de-tricky-article', slug: 'tricky-article', title: 'Tricky: "quotes" & {{< braces >}}', related: [] }
)

/** Code Hugo's own escape cannot cover: an opening `{{<` with no closing `>}}`. */
const unpaired: Article = articleWith([p(text('open {{< only', 'code'))], { id: '0badc0de-unpaired-code', slug: 'unpaired-code', related: [] })

describe('a real Hugo build of exported articles with the hugo site kit', () => {
  let site: Awaited<ReturnType<typeof makeTempDir>>
  const ctx = fixtureContext()
  const page = async (path: string) => parseDocument(await readFile(join(site.path, 'public', path, 'index.html'), 'utf8'))

  beforeAll(async () => {
    site = await makeTempDir('copydesk-hugo-')
    await buildHugoSite(
      site.path,
      [{ article: netflixArticle() }, ...relatedArticles().map((article) => ({ article })), { article: tricky, layout: { bundle: true } }, { article: unpaired }],
      ctx
    )
  }, 90_000)

  afterAll(() => site?.cleanup())

  it('renders the fixture’s FAQ visibly, with exactly one FAQPage JSON-LD', async () => {
    const doc = await page('posts/netflix-bets-big-on-generative-ai')
    const questions = byClass(doc, 'copydesk-faq-question').map(textOf)
    expect(questions).toHaveLength(5)
    expect(questions[4]).toBe('What is Sora 2, and why is it controversial?')
    expect(textOf(byClass(doc, 'copydesk-faq-answer')[0]!)).toContain('Netflix utilizes AI to support creative teams')
    const faqPages = jsonLd(doc).filter((entry) => entry['@type'] === 'FAQPage')
    expect(faqPages).toHaveLength(1)
    expect((faqPages[0]!['mainEntity'] as { name: string }[]).map((question) => question.name)).toEqual(questions)
  })

  it('renders both promo slots, labelled, with sponsored links', async () => {
    const promos = byClass(await page('posts/netflix-bets-big-on-generative-ai'), 'copydesk-promo')
    expect(promos).toHaveLength(2)
    for (const promo of promos) {
      expect(textOf(byClass(promo, 'copydesk-promo-label')[0]!)).toBe('Sponsored · Example Hosting')
      const [a] = byTag(promo, 'a')
      expect(a!.properties['href']).toBe(hostingPromo().url)
      expect(a!.properties['rel']).toEqual(['sponsored', 'noopener'])
    }
  })

  it('builds a page that reads exactly like Copydesk’s own HTML export, hostile text included', async () => {
    const built = await page('posts/tricky-article')
    const article = byTag(built, 'article')[0]!
    // The HTML export keeps library media paths; the bundle serves the image beside the page.
    const expected = JSON.parse(JSON.stringify(articleBodyShape(exportHtml(tricky, ctx, { fragment: true }).content)).replace('"media/photo.png"', '"photo.png"'))
    expect(htmlShape({ type: 'root', children: article.children })).toEqual(expected)
  })

  it('merges both FAQ blocks into one FAQPage whose text cannot break out of its script', async () => {
    const built = await page('posts/tricky-article')
    expect(byTag(built, 'script')).toHaveLength(1)
    const [faqPage] = jsonLd(built)
    expect((faqPage!['mainEntity'] as { name: string; acceptedAnswer: { text: string } }[]).map((entry) => [entry.name, entry.acceptedAnswer.text])).toEqual([
      ['What does {{< shortcode >}} do?', 'Nothing here.'],
      [breakout, breakout],
      ['Last one?', 'Yes.']
    ])
  })

  it('serves the page bundle’s image beside the page', async () => {
    const [img] = byTag(await page('posts/tricky-article'), 'img')
    expect(img!.properties['src']).toBe('photo.png')
    await expect(readFile(join(site.path, 'public/posts/tricky-article/photo.png'))).resolves.toHaveLength(4)
  })

  it('still builds when code holds shortcode syntax Hugo cannot escape, showing it with a zero-width space', async () => {
    const [code] = byTag(await page('posts/unpaired-code'), 'code')
    expect(textOf(code!).replace('\u200b', '')).toBe('open {{< only')
  })
})
