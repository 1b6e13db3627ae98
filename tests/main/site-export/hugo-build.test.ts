import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Element, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyText, walkBody } from '../../../src/shared/article/body'
import type { Library } from '../../../src/main/library/library'
import { runSiteExport } from '../../../src/main/site-export/site-export'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { fixtureLibrary } from './fixture-library'

/**
 * The whole chain a site maintainer relies on: bulk export of the fixture
 * library with the Hugo site kit into a bare Hugo site, built by Debian's
 * real hugo; the built page must show the FAQ, carry its FAQPage JSON-LD and
 * show the promo.
 */
const hugo = needsTools(['hugo'], 'Hugo build of the bulk export')
const minimalSite = {
  'hugo.toml': 'baseURL = "https://example.com/"\ntitle = "Copydesk test site"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
  'layouts/_default/single.html': '<!doctype html>\n<html lang="en"><head><title>{{ .Title }}</title></head>\n<body><article><h1>{{ .Title }}</h1>\n{{ .Content }}\n</article></body></html>\n',
  'layouts/_default/list.html': '<!doctype html>\n<html lang="en"><head><title>{{ .Title }}</title></head>\n<body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n'
}

function* elements(node: Root | RootContent): Generator<Element> {
  if (node.type === 'element') yield node
  if ('children' in node) for (const child of node.children) yield* elements(child)
}
const text = (node: RootContent): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '')
const classes = (element: Element): string[] => (element.properties['className'] as string[] | undefined) ?? []

let temp: { path: string; cleanup: () => Promise<void> }
let library: Library
let page: Root

beforeAll(async () => {
  if (hugo.skip) return
  temp = await makeTempDir('copydesk-hugo-')
  library = await fixtureLibrary(join(temp.path, 'library'))
  const site = join(temp.path, 'site')
  for (const [path, content] of Object.entries(minimalSite)) {
    await mkdir(join(site, path, '..'), { recursive: true })
    await writeFile(join(site, path), content)
  }
  const report = await runSiteExport(library, { siteDir: site, profile: 'hugo', siteKit: true }, { today: '2025-11-01' })
  expect(report.conflicts).toEqual([])
  await promisify(execFile)('hugo', ['--source', site, '--destination', join(site, 'public'), '--quiet', '--panicOnWarning'])
  const html = await readFile(join(site, 'public/posts', netflixArticle().slug, 'index.html'), 'utf8')
  page = unified().use(rehypeParse).parse(html)
}, 60_000)
afterAll(async () => {
  await library?.close()
  await temp?.cleanup()
})

const fixtureFaq = (): { question: string; answer: string }[] => {
  const items: { question: string; answer: string }[] = []
  walkBody(netflixArticle().body, (node) => {
    if (node.type !== 'faqItem') return
    const [question, answer] = node.content!
    items.push({ question: bodyText(question!), answer: bodyText(answer!) })
  })
  return items
}

describe.skipIf(hugo.skip)('a Hugo build of the bulk export with its site kit', () => {
  it('shows every FAQ question and answer of the article', () => {
    const shown = [...elements(page)].filter((el) => classes(el).includes('copydesk-faq-question')).map((el) => text(el).trim())
    expect(shown).toEqual(fixtureFaq().map((item) => item.question))
    const answers = [...elements(page)].filter((el) => classes(el).includes('copydesk-faq-answer')).map((el) => text(el).trim())
    expect(answers).toEqual(fixtureFaq().map((item) => item.answer))
  })

  it('carries exactly one FAQPage JSON-LD with the same questions and answers', () => {
    const jsonLd = [...elements(page)]
      .filter((el) => el.tagName === 'script' && el.properties['type'] === 'application/ld+json')
      .map((el) => JSON.parse(text(el)) as { '@type': string; mainEntity?: { name: string; acceptedAnswer: { text: string } }[] })
    const faqPages = jsonLd.filter((data) => data['@type'] === 'FAQPage')
    expect(faqPages).toHaveLength(1)
    expect(faqPages[0]!.mainEntity!.map((q) => ({ question: q.name, answer: q.acceptedAnswer.text }))).toEqual(fixtureFaq())
  })

  it('shows the promo, labelled, with a sponsored link to its page', () => {
    const promo = hostingPromo()
    const links = [...elements(page)].filter((el) => el.tagName === 'a' && el.properties['href'] === promo.url)
    expect(links).toHaveLength(2) // the article places the promo twice
    for (const link of links) {
      expect(link.properties['rel']).toEqual(['sponsored', 'noopener'])
      expect(text(link)).toBe(promo.cta)
    }
    const pageText = text(page as unknown as RootContent)
    expect(pageText).toContain(promo.label)
    expect(pageText).toContain(promo.headline)
  })
})
