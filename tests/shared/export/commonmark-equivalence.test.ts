import { HtmlRenderer, Parser } from 'commonmark'
import { describe, expect, it } from 'vitest'
import { exportHtml, exportMarkdown, profileNames, type ProfileName } from '../../../src/shared/export'
import { netflixArticle } from '../../fixtures/netflix'
import { adversarialBody } from './support/adversarial'
import { articleWith, fixtureContext } from './support/body'
import { articleBodyShape, htmlShape } from './support/html-shape'

/**
 * What the generator hands its Markdown parser, which is played here by the
 * CommonMark reference implementation: the body after the front matter (and
 * MDX imports), with the generator's own pass done (Hugo writes its
 * commented shortcodes out as plain ones, Liquid drops `{% raw %}` tags, MDX
 * evaluates the string expressions that keep remark-gfm from linking
 * addresses). The real builds in hugo-build.test.ts and astro-build.test.ts
 * check those passes for real.
 */
const generatorPass: Record<ProfileName, (markdown: string) => string> = {
  hugo: (markdown) => markdown.replace(/\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g, '{{$1$2$3}}'),
  // Kramdown also takes an ordered list's start from the attribute list before it, as CommonMark takes it from the first number.
  jekyll: (markdown) => markdown.replace(/\{% raw %\}([\s\S]*?)\{% endraw %\}/g, '$1').replace(/^ *\{: start="\d+"\}\n\n/gm, ''),
  astro: (markdown) => markdown.replace(/(?<!\\)\{("(?:[^"\\]|\\.)*")\}/g, (_, json: string) => JSON.parse(json) as string),
  plain: (markdown) => markdown
}

function renderBody(markdown: string, profile: ProfileName): string {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^\nimport .*(?:\nimport .*)*\n/, '')
  return new HtmlRenderer().render(new Parser().parse(generatorPass[profile](body)))
}

/** The kit's shortcodes, includes and components, which the generator replaces with the block's HTML. */
const withoutKitBlocks = (markdown: string): string =>
  markdown
    .replace(/^\{\{< copydesk-.* >\}\}$/gm, '')
    .replace(/^\{% include copydesk\/.* %\}$/gm, '')
    .replace(/^<CopydeskPromo .*\/>$/gm, '')
    .replace(/^<CopydeskFaq [\s\S]*?^<\/CopydeskFaq>$/gm, '')

describe('Markdown read by the CommonMark reference implementation', () => {
  const ctx = fixtureContext()

  it.each(profileNames)('%s: adversarial text reads exactly as in the HTML export', (profile: ProfileName) => {
    const article = articleWith(adversarialBody())
    const markdown = exportMarkdown(article, ctx, profile).content
    expect(htmlShape(renderBody(markdown, profile))).toEqual(articleBodyShape(exportHtml(article, ctx, { fragment: true }).content))
  })

  it('plain: the fixture article, FAQ and promos included, reads exactly as in the HTML export', () => {
    const article = { ...netflixArticle(), related: [] }
    const markdown = exportMarkdown(article, ctx, 'plain').content
    const fromMarkdown = htmlShape(renderBody(markdown, 'plain'))
    expect(fromMarkdown).toEqual(articleBodyShape(exportHtml(article, ctx, { fragment: true }).content))
    expect(JSON.stringify(fromMarkdown)).toContain('What is Sora 2, and why is it controversial?')
  })

  it.each(['hugo', 'jekyll', 'astro'] as const)('%s: the fixture’s text outside FAQ and promo blocks reads as in the HTML export', (profile) => {
    const article = { ...netflixArticle(), related: [] }
    const withoutBlocks = { ...article, body: { ...article.body, content: article.body.content.filter((node) => node.type !== 'faq' && node.type !== 'promoSlot') } }
    const markdown = exportMarkdown(article, ctx, profile).content
    expect(markdown).toMatch(/copydesk-faq|copydesk\/faq|CopydeskFaq/)
    expect(htmlShape(renderBody(withoutKitBlocks(markdown), profile))).toEqual(
      articleBodyShape(exportHtml(withoutBlocks, ctx, { fragment: true }).content)
    )
  })
})
