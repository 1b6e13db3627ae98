import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exportMarkdown, profiles, type ProfileName } from '../../../src/shared/export'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { articleWith, faq, fixtureContext, image, p, promoSlot } from './support/body'

const ctx = fixtureContext()
const split = (content: string): { data: Record<string, unknown>; body: string } => {
  const [, yamlText, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(content)!
  return { data: parse(yamlText!) as Record<string, unknown>, body: body! }
}
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0
const fixtureFaq = {
  title: 'FAQs',
  question: 'How is Netflix using AI in filmmaking?',
  answer:
    'Netflix utilizes AI to support creative teams — for example, by creating visual effects, pre-visualizing sets, and accelerating editing — rather than to replace writers or actors.'
}
const readerPromo = { label: 'Sponsored', headline: 'Hosting 75% off', text: hostingPromo().text, url: hostingPromo().url, cta: 'Claim the deal', sponsor: 'Example Hosting' }

describe('exportMarkdown', () => {
  describe('hugo', () => {
    const { data, body } = split(exportMarkdown(netflixArticle(), ctx, 'hugo').content)

    it('writes the front matter Hugo and its themes read', () => {
      expect(Object.keys(data).slice(0, 11)).toEqual(['title', 'subtitle', 'date', 'lastmod', 'draft', 'slug', 'description', 'tags', 'categories', 'authors', 'faq'])
      expect(data).toMatchObject({
        title: netflixArticle().title,
        date: '2025-10-22',
        lastmod: '2025-10-22T09:30:00.000Z',
        draft: false,
        slug: 'netflix-bets-big-on-generative-ai',
        tags: ['AI', 'Netflix', 'Hollywood', 'Generative AI'],
        categories: ['Entertainment'],
        authors: ['Hajra Naz']
      })
    })

    it('carries the FAQ and the resolved promo as data for the shortcodes, and places the shortcodes', () => {
      const faqData = data['faq'] as { title: string; items: { question: string; answer: string; answer_text: string }[] }[]
      expect(faqData).toHaveLength(1)
      expect(faqData[0]!.items).toHaveLength(5)
      expect(faqData[0]!.items[0]).toEqual({ question: fixtureFaq.question, answer: fixtureFaq.answer, answer_text: fixtureFaq.answer })
      expect(data['promos']).toEqual({ [hostingPromo().id]: readerPromo })
      expect(count(body, /^\{\{< copydesk-faq index="0" >\}\}$/gm)).toBe(1)
      expect(count(body, new RegExp(`^\\{\\{< copydesk-promo id="${hostingPromo().id}" >\\}\\}$`, 'gm'))).toBe(2)
    })

    it('lists related articles as data for the theme', () => {
      expect(data['related']).toEqual([
        { slug: 'what-causes-many-entrepreneurs-to-fail', title: 'What Causes Many Entrepreneurs To Fail – And How To Avoid It' },
        { slug: 'begin-your-ai-journey-with-google-skills', title: 'Begin Your AI Journey with the New Google Skills Platform' }
      ])
    })

    it('puts a page bundle’s images beside it and lists the featured image from the site root', () => {
      const article = { ...netflixArticle(), featuredImage: { src: 'media/cover.jpg', alt: 'Cover' }, body: { type: 'doc' as const, content: [image('media/photo.png', 'Photo')] } }
      const result = exportMarkdown(article, ctx, 'hugo', { bundle: true })
      const slug = article.slug
      expect(result.media).toEqual([
        { src: 'media/cover.jpg', path: `content/posts/${slug}/cover.jpg`, url: 'cover.jpg' },
        { src: 'media/photo.png', path: `content/posts/${slug}/photo.png`, url: 'photo.png' }
      ])
      expect(split(result.content).data['images']).toEqual([`/posts/${slug}/cover.jpg`])
      expect(split(result.content).body).toContain('![Photo](photo.png)')
    })

    it('marks articles not yet approved as drafts', () => {
      expect(split(exportMarkdown({ ...netflixArticle(), status: 'in-review' }, ctx, 'hugo').content).data['draft']).toBe(true)
    })
  })

  describe('jekyll', () => {
    const { data, body } = split(exportMarkdown(netflixArticle(), ctx, 'jekyll').content)

    it('writes Jekyll’s front matter and places the includes', () => {
      expect(data).toMatchObject({ layout: 'post', title: netflixArticle().title, date: '2025-10-22', last_modified_at: '2025-10-22T09:30:00.000Z', categories: ['Entertainment'] })
      expect(data).not.toHaveProperty('published')
      expect(count(body, /^\{% include copydesk\/faq\.html index=0 %\}$/gm)).toBe(1)
      expect(count(body, new RegExp(`^\\{% include copydesk/promo\\.html id="${hostingPromo().id}" %\\}$`, 'gm'))).toBe(2)
      expect((data['faq'] as unknown[]).length).toBe(1)
      expect(data['promos']).toEqual({ [hostingPromo().id]: readerPromo })
    })

    it('keeps drafts off the site', () => {
      expect(split(exportMarkdown({ ...netflixArticle(), status: 'draft' }, ctx, 'jekyll').content).data['published']).toBe(false)
    })

    it('keeps Liquid away from text and code that look like it', () => {
      const article = articleWith([p('Show {{ page.title }} and {% raw %}'), { type: 'codeBlock', content: [{ type: 'text', text: '{{ site.url }}' }] }])
      const markdown = split(exportMarkdown(article, ctx, 'jekyll').content).body
      expect(markdown).toContain('Show &#x7B;&#x7B; page.title }} and &#x7B;% raw %}')
      expect(markdown).toContain('{% raw %}\n\n```\n{{ site.url }}\n```\n\n{% endraw %}')
    })
  })

  describe('astro', () => {
    const { data, body } = split(exportMarkdown(netflixArticle(), ctx, 'astro').content)

    it('writes front matter named as in Astro’s blog template', () => {
      expect(data).toMatchObject({ title: netflixArticle().title, description: netflixArticle().description, pubDate: '2025-10-22', updatedDate: '2025-10-22T09:30:00.000Z', draft: false })
    })

    it('imports the kit’s components by paths that lead to the kit files, then uses them', () => {
      const kitPaths = new Set(profiles.astro.siteKit().map((file) => file.path))
      const imports = [...body.matchAll(/^import (\w+) from '(.+)'$/gm)]
      expect(imports.map((match) => match[1])).toEqual(['CopydeskPromo', 'CopydeskFaq', 'CopydeskFaqItem'])
      const articleDir = profiles.astro.articlePath(netflixArticle()).split('/').slice(0, -1)
      for (const [, , from] of imports) expect(kitPaths.has(new URL(from!, `file:///${articleDir.join('/')}/`).pathname.slice(1))).toBe(true)
      expect(body.startsWith('\nimport ')).toBe(true)
      expect(count(body, /^<CopydeskFaq title=\{"FAQs"\} index=\{0\} faq=\{frontmatter\.faq\}>$/gm)).toBe(1)
      expect(count(body, /^<CopydeskFaqItem question=\{".+"\}>$/gm)).toBe(5)
      expect(count(body, /^<CopydeskPromo promo=\{frontmatter\.promos\["[a-z0-9-]+"\]\} \/>$/gm)).toBe(2)
    })

    it('writes FAQ questions as JavaScript strings MDX cannot misread', () => {
      const question = 'Braces {x} and </CopydeskFaqItem> and "quotes"?'
      const markdown = exportMarkdown(articleWith([faq('FAQs', [question, [p('Yes.')]])]), ctx, 'astro').content
      const expression = /<CopydeskFaqItem question=\{(.+)\}>/.exec(markdown)![1]!
      expect(expression).not.toMatch(/[{}<>]/)
      expect(JSON.parse(expression)).toBe(question)
    })

    it('imports only the components it uses', () => {
      expect(exportMarkdown(articleWith([p('Text.')]), ctx, 'astro').content).not.toContain('import ')
    })

    it('puts the hero image under src/assets, named from the article as image() reads it, and body images in public', () => {
      const article = { ...netflixArticle(), featuredImage: { src: 'media/cover.jpg', alt: 'Cover' }, body: { type: 'doc' as const, content: [image('media/cover.jpg', 'Cover again')] } }
      const slug = article.slug
      const result = exportMarkdown(article, ctx, 'astro', { section: 'blog/news' })
      expect(result.media).toEqual([
        { src: 'media/cover.jpg', path: `src/assets/images/${slug}/cover.jpg`, url: `../../../assets/images/${slug}/cover.jpg` },
        { src: 'media/cover.jpg', path: `public/images/${slug}/cover.jpg`, url: `/images/${slug}/cover.jpg` }
      ])
      const { data: withImage, body: withImageBody } = split(result.content)
      expect(withImage['heroImage']).toBe(`../../../assets/images/${slug}/cover.jpg`)
      expect(withImageBody).toContain(`![Cover again](/images/${slug}/cover.jpg)`)
    })

    it('always writes the description the blog template requires, empty when the article has none', () => {
      expect(split(exportMarkdown({ ...netflixArticle(), description: '' }, ctx, 'astro').content).data['description']).toBe('')
    })
  })

  describe('plain', () => {
    const { data, body } = split(exportMarkdown(netflixArticle(), ctx, 'plain').content)

    it('writes FAQ and promo blocks as raw HTML, with one FAQPage JSON-LD at the end', () => {
      expect(data).not.toHaveProperty('faq')
      expect(data).not.toHaveProperty('promos')
      expect(count(body, /^<section class="copydesk-faq">$/gm)).toBe(1)
      expect(count(body, /^<aside class="copydesk-promo">$/gm)).toBe(2)
      expect(count(body, /rel="sponsored noopener"/g)).toBe(2)
      const scripts = [...body.matchAll(/<script type="application\/ld\+json">(.*)<\/script>/g)].map((match) => JSON.parse(match[1]!))
      expect(scripts.map((script) => script['@type'])).toEqual(['FAQPage'])
      expect(scripts[0].mainEntity).toHaveLength(5)
    })

    it('links related articles by their relative file paths', () => {
      expect(body).toContain('- [What Causes Many Entrepreneurs To Fail – And How To Avoid It](./what-causes-many-entrepreneurs-to-fail.md)')
      const bundled = exportMarkdown(netflixArticle(), ctx, 'plain', { bundle: true }).content
      expect(bundled).toContain('(../what-causes-many-entrepreneurs-to-fail/index.md)')
    })
  })

  it.each(['hugo', 'jekyll', 'astro', 'plain'] satisfies ProfileName[])('%s: leaves out expired promos with a warning, in body and front matter', (profile) => {
    const result = exportMarkdown(articleWith([promoSlot(hostingPromo().id)]), fixtureContext({ today: '2031-01-01' }), profile)
    expect(result.content).not.toContain(hostingPromo().id)
    expect(result.content).not.toContain('Sponsored')
    expect(result.warnings.map((warning) => warning.kind)).toEqual(['expired-promo'])
  })

  it.each(['hugo', 'jekyll', 'astro', 'plain'] satisfies ProfileName[])('%s: numbers FAQ blocks in order and merges them in one FAQ list', (profile) => {
    const content = exportMarkdown(articleWith([faq('One', ['Q1', [p('A1')]]), p('Between.'), faq('Two', ['Q2', [p('A2')]])]), ctx, profile).content
    const { data } = split(content)
    if (profile === 'plain') {
      expect(count(content, /"@type":"FAQPage"/g)).toBe(1)
      expect(count(content, /"@type":"Question"/g)).toBe(2)
    } else {
      expect((data['faq'] as { title: string }[]).map((block) => block.title)).toEqual(['One', 'Two'])
      const reference = { hugo: (n: number) => `copydesk-faq index="${n}"`, jekyll: (n: number) => `faq.html index=${n} `, astro: (n: number) => `index={${n}}` }[profile]
      expect(content.indexOf(reference(0))).toBeGreaterThan(-1)
      expect(content.indexOf(reference(1))).toBeGreaterThan(content.indexOf(reference(0)))
    }
  })
})
