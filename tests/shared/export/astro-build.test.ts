import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { adversarialBody } from './support/adversarial'
import { buildAstroSite } from './support/astro-site'
import { mediaBytes, setupTimeoutMs } from './support/exported-site'
import { articleWith, bulletList, faq, fixtureContext, image, link, p, promoSlot, text } from './support/body'
import { byTag, parseDocument, textOf } from './support/hast-query'
import { expectFixtureFaq, expectReadsLikeHtmlExport, expectSponsoredPromos, faqPageEntries } from './support/site-build-checks'

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
    // remark-gfm, which Astro runs, links addresses in text whatever their escapes (more in adversarialBody).
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
  // No description, which the template's schema requires, and a hero image, which it reads with image().
  { id: '0badc0de-tricky-article', slug: 'tricky-article', title: hostileTitle, related: [], description: '', featuredImage: { src: 'media/hero.png', alt: 'A hero' } }
)

describe('a real Astro build of exported articles with the astro site kit', () => {
  let site: Awaited<ReturnType<typeof makeTempDir>>
  // A promo whose text MDX or HTML would read as markup: the kit's component must show it as text.
  const ctx = fixtureContext({ promos: [{ ...hostingPromo(), headline: 'Hosting {75%} off <b>now</b> & "then"' }] })
  const page = async (slug: string) => parseDocument(await readFile(join(site.path, 'dist/blog', slug, 'index.html'), 'utf8'))

  beforeAll(async () => {
    site = await makeTempDir('copydesk-astro-')
    await buildAstroSite(site.path, [{ article: netflixArticle() }, ...relatedArticles().map((article) => ({ article })), { article: tricky }], ctx)
  }, setupTimeoutMs)

  afterAll(() => site?.cleanup())

  it('renders the fixture’s FAQ visibly, with exactly one FAQPage JSON-LD', async () => {
    expectFixtureFaq(await page('netflix-bets-big-on-generative-ai'))
  })

  it('renders both promo slots, labelled, with sponsored links and their text as text', async () => {
    expectSponsoredPromos(await page('netflix-bets-big-on-generative-ai'), 'Hosting {75%} off <b>now</b> & "then"')
  })

  it('builds a page that reads exactly like Copydesk’s own HTML export, hostile text included', async () => {
    // The HTML export keeps library media paths; the site serves the image from its public folder. The hero image is the layout's to place, outside this page's article.
    const body = { ...tricky, featuredImage: null }
    expectReadsLikeHtmlExport(await page('tricky-article'), body, ctx, { library: 'media/photo.png', site: '/images/tricky-article/photo.png' })
  })

  it('merges both FAQ blocks into one FAQPage whose text cannot break out of its script', async () => {
    expect(faqPageEntries(await page('tricky-article'))).toEqual([
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
    await expect(readFile(join(site.path, 'dist/images/tricky-article/photo.png'))).resolves.toEqual(mediaBytes)
  })

  it('hands the blog template’s schema a hero image image() can read, which Astro then serves', async () => {
    const [meta] = byTag(await page('tricky-article'), 'meta').filter((element) => element.properties['property'] === 'og:image')
    const served = String(meta!.properties['content'])
    expect(served).toMatch(/^\/_astro\/hero\.[\w-]+\.(?:png|webp)$/)
    await expect(readFile(join(site.path, 'dist', served))).resolves.toBeInstanceOf(Buffer)
  })
})
