import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { exportHtml } from '../../../src/shared/export'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { adversarialBody } from './support/adversarial'
import { buildAstroSite } from './support/astro-site'
import { articleWith, bulletList, faq, fixtureContext, image, link, p, promoSlot, text } from './support/body'
import { byClass, byTag, jsonLd, parseDocument, textOf } from './support/hast-query'
import { articleBodyShape, htmlShape } from './support/html-shape'

const breakout = 'Is </script><script>alert(1)</script> <!-- safe & sound?'
const mdxLooking = 'What does {frontmatter.title} or <Component prop={1} /> do?'
const hostileTitle = 'Tricky: "quotes" & {braces} <Component /> # not a comment\n- and a second line'

/**
 * Hostile text (with what MDX and remark-gfm read on top of Markdown), two
 * FAQ blocks and a promo, with an image and a title full of YAML and MDX specials.
 */
const tricky: Article = articleWith(
  [
    ...adversarialBody(),
    // remark-gfm, which Astro runs, links addresses in text whatever their escapes.
    p('Write to press@example.com, see www.example.com or HTTPS://example.org/a_(b), or mailto:a@b.co'),
    p(text('https://example.com/linked', link('https://example.com/linked')), ' and ', text('www.example.com', 'bold')),
    // MDX reads a line starting `import ` or `export ` as JavaScript.
    p('import duties rose.'),
    p('export controls too.'),
    bulletList([p('import in a list')], [p('export in a list')]),
    // MDX reads braces as JavaScript expressions.
    p('} alone { and }{ and {{}} and \\{ and &#123; and &lbrace;'),
    p(text('Struck {x}', 'strike'), ` and every ASCII punctuation mark: ${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}`),
    faq('First FAQ {x} <y>', [mdxLooking, [p('Nothing ', text('here', 'bold'), ' {at} <all>.')]], [breakout, [p(breakout)]]),
    promoSlot(hostingPromo().id),
    image('media/photo.png', 'A photo {alt} <img>'),
    faq('Second FAQ', ['Last one?', [p('Yes.')]], ['Exports?', [p('export controls apply.')]])
  ],
  { id: '0badc0de-tricky-article', slug: 'tricky-article', title: hostileTitle, related: [] }
)

describe('a real Astro build of exported articles with the astro site kit', () => {
  let site: Awaited<ReturnType<typeof makeTempDir>>
  // A promo whose text MDX or HTML would read as markup: the kit's component must show it as text.
  const ctx = fixtureContext({ promos: [{ ...hostingPromo(), headline: 'Hosting {75%} off <b>now</b> & "then"' }] })
  const page = async (slug: string) => parseDocument(await readFile(join(site.path, 'dist/blog', slug, 'index.html'), 'utf8'))

  beforeAll(async () => {
    site = await makeTempDir('copydesk-astro-')
    await buildAstroSite(site.path, [{ article: netflixArticle() }, ...relatedArticles().map((article) => ({ article })), { article: tricky }], ctx)
  }, 90_000)

  afterAll(() => site?.cleanup())

  it('renders the fixture’s FAQ visibly, with exactly one FAQPage JSON-LD', async () => {
    const doc = await page('netflix-bets-big-on-generative-ai')
    const questions = byClass(doc, 'copydesk-faq-question').map(textOf)
    expect(questions).toHaveLength(5)
    expect(questions[4]).toBe('What is Sora 2, and why is it controversial?')
    expect(textOf(byClass(doc, 'copydesk-faq-answer')[0]!)).toContain('Netflix utilizes AI to support creative teams')
    const faqPages = jsonLd(doc).filter((entry) => entry['@type'] === 'FAQPage')
    expect(faqPages).toHaveLength(1)
    expect((faqPages[0]!['mainEntity'] as { name: string }[]).map((question) => question.name)).toEqual(questions)
  })

  it('renders both promo slots, labelled, with sponsored links', async () => {
    const promos = byClass(await page('netflix-bets-big-on-generative-ai'), 'copydesk-promo')
    expect(promos).toHaveLength(2)
    for (const promo of promos) {
      expect(textOf(byClass(promo, 'copydesk-promo-label')[0]!)).toBe('Sponsored · Example Hosting')
      expect(textOf(byClass(promo, 'copydesk-promo-headline')[0]!)).toBe('Hosting {75%} off <b>now</b> & "then"')
      const [a] = byTag(promo, 'a')
      expect(a!.properties['href']).toBe(hostingPromo().url)
      expect(a!.properties['rel']).toEqual(['sponsored', 'noopener'])
    }
  })

  it('builds a page that reads exactly like Copydesk’s own HTML export, hostile text included', async () => {
    const built = await page('tricky-article')
    const article = byTag(built, 'article')[0]!
    // The HTML export keeps library media paths; the site serves the image from its public folder.
    const expected = JSON.parse(
      JSON.stringify(articleBodyShape(exportHtml(tricky, ctx, { fragment: true }).content)).replace('"media/photo.png"', '"/images/tricky-article/photo.png"')
    )
    expect(htmlShape({ type: 'root', children: article.children })).toEqual(expected)
  })

  it('merges both FAQ blocks into one FAQPage whose text cannot break out of its script', async () => {
    const built = await page('tricky-article')
    expect(byTag(built, 'script')).toHaveLength(1)
    const [faqPage] = jsonLd(built)
    expect((faqPage!['mainEntity'] as { name: string; acceptedAnswer: { text: string } }[]).map((entry) => [entry.name, entry.acceptedAnswer.text])).toEqual([
      [mdxLooking, 'Nothing here {at} <all>.'],
      [breakout, breakout],
      ['Last one?', 'Yes.'],
      ['Exports?', 'export controls apply.']
    ])
  })

  it('keeps a title full of YAML and MDX specials as written', async () => {
    expect(textOf(byTag(await page('tricky-article'), 'title')[0]!)).toBe(hostileTitle)
  })

  it('serves the image from the site’s public folder', async () => {
    const [img] = byTag(await page('tricky-article'), 'img')
    expect(img!.properties['src']).toBe('/images/tricky-article/photo.png')
    await expect(readFile(join(site.path, 'dist/images/tricky-article/photo.png'))).resolves.toHaveLength(4)
  })
})
