import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { faqsOf, importFixture, importOk, importRefused, linksOf, nodesOf, outline } from './import-helpers'

describe('Markdown import: the Netflix sample as a Hugo post', () => {
  const imported = importOk('netflix-generative-ai.md', importFixture('netflix-generative-ai.md'))

  it('turns the “Q1: …?” FAQ section into one FAQ block of five questions with their answers', () => {
    const fixture = faqsOf(toProseMirror(netflixArticle().body))
    expect(faqsOf(imported.doc)).toEqual(fixture)
    expect(fixture[0]!.items).toHaveLength(5)
    expect(fixture[0]!.items[0]!.question).toBe('How is Netflix using AI in filmmaking?')
  })

  it('gives the same body as the fixture article: headings, quotes, italics, the link and both promo slots', () => {
    expect(imported.fields.body).toEqual(toProseMirror(netflixArticle().body).toJSON())
    expect(nodesOf(imported.doc, 'promoSlot').map((slot) => slot.attrs['promoId'])).toEqual([hostingPromo().id, hostingPromo().id])
  })

  it('maps the front matter onto the article fields', () => {
    const article = netflixArticle()
    expect(imported.fields).toMatchObject({
      title: article.title,
      slug: article.slug,
      slugLocked: true,
      description: article.description,
      dek: article.dek,
      tags: article.tags,
      category: article.category,
      authors: article.authors,
      publishDate: '2025-10-22T09:30:00+00:00'
    })
    expect(imported.fields.status).toBeUndefined()
    expect(imported.warnings).toEqual(['The featured image in the front matter was not imported: add it from the article’s settings.'])
  })
})

describe('Markdown import: the Netflix sample as the product team pasted it', () => {
  // tests/fixtures/import/netflix-sample.txt is ../shared/samples/netflix-generative-ai.txt: plain lines, no Markdown marks.
  const imported = importOk('netflix-sample.md', importFixture('netflix-sample.txt'))

  it('still finds the five “Q1: …?” questions under the bare “FAQs” line', () => {
    const [faq] = faqsOf(imported.doc)
    const expected = faqsOf(toProseMirror(netflixArticle().body))[0]!
    expect(faqsOf(imported.doc)).toHaveLength(1)
    expect(faq!.title).toBe('FAQs')
    expect(faq!.items.map((item) => item.question)).toEqual(expected.items.map((item) => item.question))
    expect(faq!.items.slice(0, 4)).toEqual(expected.items.slice(0, 4))
    // Answers run to the next question, so the page's trailing lines join the last one.
    expect(faq!.items[4]!.answer.startsWith(expected.items[4]!.answer)).toBe(true)
  })
})

describe('Markdown import: a Hugo post', () => {
  const imported = importOk('deploying-hugo.md', importFixture('hugo-post.md'))

  it('reads title, dates, draft, categories, author and an invalid slug', () => {
    expect(imported.fields).toMatchObject({
      title: 'Deploying Hugo: A Field Guide',
      slug: 'deploying-hugo-a-field-guide',
      status: 'draft',
      category: 'Guides',
      tags: ['hugo', 'deployment', 'ci', 'DevOps'],
      authors: ['Priya Raman'],
      publishDate: '2024-05-02T10:15:00+02:00',
      description: 'How we ship a Hugo site from a laptop to a CDN in under a minute.'
    })
    expect(imported.warnings).toContain('The slug “Deploying Hugo – A Field Guide!” was changed to “deploying-hugo-a-field-guide”: slugs use lowercase letters, digits and hyphens.')
    expect(imported.warnings).toContain('An article has one category: “Guides” was kept and the other categories became tags.')
  })

  it('converts every block to the editor’s nodes', () => {
    expect(outline(imported.doc)).toEqual([
      'paragraph: Shipping a static site should be boring. This guide shows the exact steps we use, from hugo --minify to a cache purge.',
      'image:',
      'heading h2: Build',
      'paragraph: Run the build with the production environment:',
      'codeBlock: HUGO_ENV=production hugo --minify --gc',
      'paragraph: Hugo writes the site to public/. Keep the folder out of git; see the Hugo docs for flags.',
      'heading h3: Check the output',
      'orderedList: Open public/index.html locally.Look for broken links with a checker.Compare the page count with the last release.',
      'bulletList: ☑ Build passes☐ Links checked',
      'heading h2: Upload',
      'table: StepCommandTimeSyncaws s3 sync public/ s3://bucket20 sPurgecdn purge --all5 s',
      'blockquote: Tip: keep the upload and the purge in one script so nobody forgets the purge.',
      'paragraph: https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'horizontalRule:',
      'heading h5: Small print',
      'paragraph: Prices quoted are from last year this quarter.[1]',
      'faq: Do I need a CI server?No. The same script runs on a laptop; CI only makes it repeatable.Can I preview drafts?Yes: run hugo server -D to include drafts.Drafts show up with a banner.They are never uploaded.',
      'paragraph: [1] Prices change often; check your provider.'
    ])
  })

  it('keeps marks, link titles, code languages, table alignment and the figure’s alt text', () => {
    const [image] = nodesOf(imported.doc, 'image')
    expect(image!.attrs).toMatchObject({ src: '/images/pipeline.png', alt: 'The build pipeline', title: 'Build, upload, purge.' })
    expect(nodesOf(imported.doc, 'codeBlock')[0]!.attrs['language']).toBe('bash')
    const firstParagraph = imported.doc.child(0)
    expect(firstParagraph.child(1).marks.map((mark) => mark.type.name)).toEqual(['bold'])
    expect(firstParagraph.child(3).marks.map((mark) => mark.type.name)).toEqual(['code'])
    const docsLink = nodesOf(imported.doc, 'text').find((node) => node.text === 'Hugo docs')!
    expect(docsLink.marks[0]!.attrs).toMatchObject({ href: 'https://gohugo.io/getting-started/usage/', title: 'Hugo usage' })
    const struck = nodesOf(imported.doc, 'text').find((node) => node.text === 'last year')!
    expect(struck.marks.map((mark) => mark.type.name)).toEqual(['strike'])
    const [headerRow, firstRow] = nodesOf(imported.doc, 'tableRow')
    expect(nodesOf(headerRow!, 'tableHeader').map((cell) => cell.attrs['align'])).toEqual(['left', 'center', 'right'])
    expect(nodesOf(firstRow!, 'tableCell')).toHaveLength(3)
  })

  it('reads a bold-question FAQ and says what it left out or changed', () => {
    expect(faqsOf(imported.doc)).toEqual([
      {
        title: 'FAQ',
        items: [
          { question: 'Do I need a CI server?', answer: 'No. The same script runs on a laptop; CI only makes it repeatable.' },
          { question: 'Can I preview drafts?', answer: 'Yes: run hugo server -D to include drafts.\nDrafts show up with a banner.\nThey are never uploaded.' }
        ]
      }
    ])
    expect(imported.warnings).toContain('The template tag “{{< tweet user="gohugoio" id="1315233626070503424" >}}” was left out: Copydesk has no block for it.')
    // H5 is kept as written: the body holds H2 to H6.
    expect(imported.warnings.filter((warning) => /heading/i.test(warning))).toEqual([])
  })
})

describe('Markdown import: TOML front matter', () => {
  it('reads Hugo’s +++ front matter with its native dates and lists', () => {
    const imported = importOk('notes.md', importFixture('hugo-toml-post.md'))
    expect(imported.fields).toMatchObject({
      title: 'Notes on TOML front matter',
      publishDate: '2023-11-20',
      tags: ['toml', 'hugo'],
      category: 'Notes',
      authors: ['Lee Chen', 'Sam Okafor'],
      description: 'Hugo reads TOML, YAML and JSON front matter.'
    })
    expect(outline(imported.doc)).toEqual([
      'paragraph: Hugo sites created before 2020 often use TOML front matter.',
      'heading h2: Why TOML',
      'paragraph: It is explicit about types: draft = false is a boolean and 2023-11-20 is a date.'
    ])
  })
})

describe('Markdown import: a Jekyll post', () => {
  const name = '2024-03-05-moving-from-wordpress-to-jekyll.md'
  const imported = importOk(name, importFixture(name))

  it('takes the date and slug from the file name and reads Jekyll’s field shapes', () => {
    expect(imported.fields).toMatchObject({
      title: 'Moving From WordPress to Jekyll',
      slug: 'moving-from-wordpress-to-jekyll',
      slugLocked: true,
      publishDate: '2024-03-05',
      authors: ['Dana Whitfield'],
      category: 'migration',
      tags: ['jekyll', 'wordpress', 'static sites'],
      description: 'What broke, what got faster and what we would do differently.'
    })
  })

  it('turns highlight tags into code, resolves reference links and drops Liquid it cannot use', () => {
    const code = nodesOf(imported.doc, 'codeBlock')
    expect(code.map((block) => block.attrs['language'])).toEqual(['ruby', 'liquid'])
    expect(code[0]!.textContent).toContain("require 'jekyll-import'")
    expect(code[1]!.textContent).toBe('{{ page.title }}')
    expect(linksOf(imported.doc)).toEqual([{ text: 'exporter plugin', href: 'https://import.jekyllrb.com/docs/wordpressdotcom/' }])
    expect(imported.doc.textContent).not.toMatch(/\{%|endraw/)
    expect(imported.warnings).toEqual(['The template tag “{% include toc.html %}” was left out: Copydesk has no block for it.'])
  })

  it('reads the “Frequently asked questions” section with H3 questions', () => {
    expect(faqsOf(imported.doc)).toEqual([
      {
        title: 'Frequently asked questions',
        items: [
          { question: 'Do old URLs keep working?', answer: 'Only if you set permalink to match the WordPress structure.' },
          { question: 'What about comments?', answer: 'We moved them to a static service. Some older threads were lost.' }
        ]
      }
    ])
  })
})

describe('Markdown import: titles and headings', () => {
  it('takes the first H1 as the title when the front matter has none, and moves the other H1s down', () => {
    const imported = importOk('post.md', '# The real title\n\nIntro.\n\n# Part one\n\n## Detail\n\n#### Deep\n')
    expect(imported.fields.title).toBe('The real title')
    expect(outline(imported.doc)).toEqual(['paragraph: Intro.', 'heading h2: Part one', 'heading h3: Detail', 'heading h5: Deep'])
    expect(imported.warnings).toContain('Headings were moved down one level (H1 became H2, H2 became H3…): the article title is the only H1.')
  })

  it('drops a leading H1 that repeats the front matter title', () => {
    const imported = importOk('post.md', '---\ntitle: Same title\n---\n# Same title\n\n## Section\n')
    expect(outline(imported.doc)).toEqual(['heading h2: Section'])
    expect(imported.warnings).toEqual([])
  })

  it('makes a title from the file name when there is none at all, and says so', () => {
    const imported = importOk('2024-01-02-notes-from-the-road.md', 'Just a paragraph.\n')
    expect(imported.fields.title).toBe('Notes from the road')
    expect(imported.warnings).toContain('The file has no title; “Notes from the road” was made from its name.')
  })
})

describe('Markdown import: YAML front matter that needs quoting', () => {
  const titles = [
    'Yes: No',
    'It’s #1 — and it\'s "quoted"',
    '@handle: tweets',
    '- starts with a dash',
    '{{< not a shortcode >}} & <b>tags</b>',
    'yes',
    'null',
    '2024-01-05',
    '% percent, * star, & ampersand, ! bang, | pipe, > gt',
    'Tabs\tand trailing spaces  '
  ]
  for (const title of titles) {
    it(`reads back the title ${JSON.stringify(title)} written by a YAML library`, () => {
      const imported = importOk('post.md', `---\n${stringify({ title, tags: [title] })}---\n\nBody.\n`)
      expect(imported.fields.title).toBe(title.replace(/\s+/g, ' ').trim())
      expect(imported.fields.tags).toEqual([title.replace(/\s+/g, ' ').trim()])
    })
  }

  it('reads a multi-line block scalar title as one line', () => {
    const imported = importOk('post.md', '---\ntitle: |\n  First line\n  second line\n---\nBody.\n')
    expect(imported.fields.title).toBe('First line second line')
  })
})

describe('Markdown import: front matter with wrong types is refused with the field named', () => {
  const cases: [string, string, RegExp][] = [
    ['tags as a number', 'tags: 5', /“tags” must be a list such as \[news, ai\], not the number 5/],
    ['a list of lists as tags', 'tags: [[a, b]]', /“tags” must be a list of words, not a list/],
    ['draft as a word', 'draft: maybe', /“draft” must be true or false, not the text “maybe”/],
    ['an impossible date', 'date: 2024-02-30', /“date” must be a date such as 2025-10-22/],
    ['a date in words', 'date: last Tuesday', /“date” must be a date/],
    ['a title that is a list', 'title: [a, b]', /“title” must be text, not a list/],
    ['an author that is a number', 'author: 42', /“author” must be a name or a list of names, not the number 42/]
  ]
  for (const [what, line, message] of cases) {
    it(what, () => {
      expect(importRefused('post.md', `---\n${line}\n---\nBody\n`)).toMatch(message)
    })
  }

  it('ignores an unknown status with a warning instead of refusing the post', () => {
    const imported = importOk('post.md', '---\ntitle: T\nstatus: publish\n---\nBody\n')
    expect(imported.fields.status).toBeUndefined()
    expect(imported.warnings[0]).toMatch(/The status “publish” is not a Copydesk status/)
  })
})

describe('Markdown import: broken front matter', () => {
  it('refuses front matter that is never closed', () => {
    expect(importRefused('post.md', '---\ntitle: Unclosed\n\n# Heading\n\nBody text.\n')).toBe(
      'post.md: the front matter opened by “---” on line 1 is never closed: add a line with “---” after it.'
    )
    expect(importRefused('post.md', '+++\ntitle = "x"\n')).toMatch(/opened by “\+\+\+” on line 1 is never closed/)
  })

  it('refuses YAML syntax errors with the line in the file', () => {
    expect(importRefused('post.md', '---\ntitle: ok\ntags: [unclosed\ndate: 2024-01-01\n---\nBody\n')).toMatch(
      /^post\.md: the front matter is not valid YAML: .+ \(line \d\)\.$/
    )
    expect(importRefused('post.md', '---\ntitle: "open quote\n---\nBody\n')).toMatch(/not valid YAML: Missing closing "quote \(line 3\)/)
    expect(importRefused('post.md', '---\ntitle: a\ntitle: b\n---\nBody\n')).toMatch(/Map keys must be unique \(line 3\)/)
  })

  it('refuses TOML errors and front matter that is not a set of fields', () => {
    expect(importRefused('post.md', '+++\ntitle = \n+++\nBody\n')).toMatch(/^post\.md: the front matter is not valid TOML: .+\(line 2\)\.$/)
    expect(importRefused('post.md', '---\n- just\n- a list\n---\nBody\n')).toMatch(/must be a list of “name: value” lines/)
  })

  it('refuses YAML alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((key, i) => `${key}: &${key} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n')
    expect(importRefused('post.md', `---\n${bomb}\n---\nBody\n`)).toMatch(/not valid YAML/)
  })
})
