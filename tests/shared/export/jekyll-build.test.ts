import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { BodyNode } from '../../../src/shared/article/body'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { adversarialBody } from './support/adversarial'
import { articleWith, faq, fixtureContext, image, link, p, promoSlot, text } from './support/body'
import { mediaBytes, setupTimeoutMs } from './support/exported-site'
import { byTag, parseDocument, textOf } from './support/hast-query'
import { buildJekyllSite, builtPostPath } from './support/jekyll-site'
import { expectFixtureFaq, expectReadsLikeHtmlExport, expectSponsoredPromos, faqPageEntries } from './support/site-build-checks'

const breakout = 'Is </script><script>alert(1)</script> <!-- safe & sound\u2028?'
const liquidLooking = 'What do {{ page.title }} and {% include x.html %} do?'
const hostileTitle = 'Tricky: "quotes" & {{ page.title }} {% raw %} # not a comment\n- and a second line'

const cell = (type: 'tableHeader' | 'tableCell', ...content: BodyNode[]): BodyNode => ({ type, attrs: { colspan: 1, rowspan: 1 }, content })
const table = (...rows: BodyNode[][]): BodyNode => ({ type: 'table', content: rows.map((content) => ({ type: 'tableRow', content })) })

/**
 * Hostile text (with what kramdown reads on top of Markdown), a table, two
 * FAQ blocks and a promo, with a library image, a web image whose address
 * needs escaping, and a title full of YAML and Liquid specials.
 */
const tricky: Article = articleWith(
  [
    ...adversarialBody(),
    p('Kramdown: {:toc} and {::comment} and {:.x} at the end {: #id}'),
    p('$$ display $$ and \\$ and a | pipe and \\| and a line that ends with a pipe |'),
    p('Footnote[^1] and *[HTML]: abbreviation and : definition'),
    p('A term'),
    p(': not its definition'),
    p('^'),
    p('Line one', { type: 'hardBreak' }, text(': not a definition either')),
    p(text('Struck', 'strike'), ' and ', text('a|b `c`', 'code')),
    table([cell('tableHeader', p('Head | *er*')), cell('tableHeader', p(text('bold', 'bold')))], [cell('tableCell', p('c|d \\| e')), cell('tableCell', p(text('link', link('https://example.com/?a=1&b=(2)'))))]),
    faq('First FAQ {: .x}', [liquidLooking, [p('Nothing ', text('here', 'bold'), ' $$x$$.')]], [breakout, [p(breakout)]]),
    promoSlot(hostingPromo().id),
    image('media/photo.png', 'A photo {: .x} "alt"'),
    image('https://example.com/a_(b).png?x=1&y=<2>', 'A [web] *photo* & {{ alt }}'),
    faq('Second FAQ', ['Last one?', [p('Yes -- really.')]])
  ],
  { id: '0badc0de-tricky-article', slug: 'tricky-article', title: hostileTitle, related: [] }
)

const tools = needsTools(['jekyll'], 'Jekyll build')

describe.skipIf(tools.skip)('a real Jekyll build of exported articles with the jekyll site kit', () => {
  let site: Awaited<ReturnType<typeof makeTempDir>>
  const ctx = fixtureContext()
  const page = async (slug: string) => parseDocument(await readFile(await builtPostPath(site.path, slug), 'utf8'))

  beforeAll(async () => {
    site = await makeTempDir('copydesk-jekyll-')
    await buildJekyllSite(site.path, [{ article: netflixArticle() }, ...relatedArticles().map((article) => ({ article })), { article: tricky }], ctx)
  }, setupTimeoutMs)

  afterAll(() => site?.cleanup())

  it('renders the fixture’s FAQ visibly, with exactly one FAQPage JSON-LD', async () => {
    expectFixtureFaq(await page('netflix-bets-big-on-generative-ai'))
  })

  it('renders both promo slots, labelled, with sponsored links', async () => {
    expectSponsoredPromos(await page('netflix-bets-big-on-generative-ai'))
  })

  it('builds a page that reads exactly like Copydesk’s own HTML export, hostile text included', async () => {
    // The HTML export keeps library media paths; the site serves the image from its assets folder.
    expectReadsLikeHtmlExport(await page('tricky-article'), tricky, ctx, { library: 'media/photo.png', site: '/assets/images/tricky-article/photo.png' })
  })

  it('merges both FAQ blocks into one FAQPage whose text cannot break out of its script', async () => {
    expect(faqPageEntries(await page('tricky-article'))).toEqual([
      [liquidLooking, 'Nothing here $$x$$.'],
      // A question is one line: its U+2028 became a space; the answer keeps it.
      [breakout.replace('\u2028', ' '), breakout],
      ['Last one?', 'Yes -- really.']
    ])
  })

  it('keeps a title full of YAML and Liquid specials as written', async () => {
    expect(textOf(byTag(await page('tricky-article'), 'title')[0]!)).toBe(hostileTitle)
  })

  it('serves the image from the site’s assets folder', async () => {
    const [img] = byTag(await page('tricky-article'), 'img')
    expect(img!.properties['src']).toBe('/assets/images/tricky-article/photo.png')
    await expect(readFile(join(site.path, '_site/assets/images/tricky-article/photo.png'))).resolves.toEqual(mediaBytes)
  })
})
