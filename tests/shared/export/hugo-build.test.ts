import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { adversarialBody } from './support/adversarial'
import { articleWith, faq, fixtureContext, image, p, promoSlot, text } from './support/body'
import { byTag, parseDocument, textOf } from './support/hast-query'
import { expectFixtureFaq, expectReadsLikeHtmlExport, expectSponsoredPromos, faqPageEntries } from './support/site-build-checks'
import { mediaBytes, setupTimeoutMs } from './support/exported-site'
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

const tools = needsTools(['hugo'], 'Hugo build')

describe.skipIf(tools.skip)('a real Hugo build of exported articles with the hugo site kit', () => {
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
  }, setupTimeoutMs)

  afterAll(() => site?.cleanup())

  it('renders the fixture’s FAQ visibly, with exactly one FAQPage JSON-LD', async () => {
    expectFixtureFaq(await page('posts/netflix-bets-big-on-generative-ai'))
  })

  it('renders both promo slots, labelled, with sponsored links', async () => {
    expectSponsoredPromos(await page('posts/netflix-bets-big-on-generative-ai'))
  })

  it('builds a page that reads exactly like Copydesk’s own HTML export, hostile text included', async () => {
    // The HTML export keeps library media paths; the bundle serves the image beside the page.
    expectReadsLikeHtmlExport(await page('posts/tricky-article'), tricky, ctx, { library: 'media/photo.png', site: 'photo.png' })
  })

  it('merges both FAQ blocks into one FAQPage whose text cannot break out of its script', async () => {
    expect(faqPageEntries(await page('posts/tricky-article'))).toEqual([
      ['What does {{< shortcode >}} do?', 'Nothing here.'],
      [breakout, breakout],
      ['Last one?', 'Yes.']
    ])
  })

  it('serves the page bundle’s image beside the page', async () => {
    const [img] = byTag(await page('posts/tricky-article'), 'img')
    expect(img!.properties['src']).toBe('photo.png')
    await expect(readFile(join(site.path, 'public/posts/tricky-article/photo.png'))).resolves.toEqual(mediaBytes)
  })

  it('still builds when code holds shortcode syntax Hugo cannot escape, showing it with a zero-width space', async () => {
    const [code] = byTag(await page('posts/unpaired-code'), 'code')
    expect(textOf(code!).replace('\u200b', '')).toBe('open {{< only')
  })
})
