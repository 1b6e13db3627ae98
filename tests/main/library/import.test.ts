import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { isImageNode, walkBody } from '../../../src/shared/article/body'
import { isSafeLinkUrl } from '../../../src/shared/article/urls'
import type { Library } from '../../../src/main/library/library'
import { netflixArticle } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'
import { tinyPng } from '../site-export/fixture-library'
import { addHostingPromo, netflixFields, useTempLibrary } from './temp-library'

const fixture = (name: string): Promise<string> => readFile(join(import.meta.dirname, '../../fixtures/import', name), 'utf8')

let library: Library
const session = useTempLibrary((opened) => {
  library = opened
})

/** Everything that reached the disk, to prove a refused import wrote nothing. */
const diskState = async (): Promise<string[]> => [
  ...(await readdir(join(session.dir, 'articles'))),
  ...(await readdir(join(session.dir, 'revisions'))),
  await readFile(join(session.dir, 'copydesk-library.journal'), 'utf8')
]

// Imports parse on a thread; from sources the first one bundles it with esbuild, which takes seconds on a busy machine.
describe('importing files', () => {
  it('imports the sample post as Hugo Markdown and as a saved web page, FAQ included', async () => {
    const report = await library.importFiles([
      { name: 'netflix-generative-ai.md', content: await fixture('netflix-generative-ai.md') },
      { name: 'saved-news-page.html', content: await fixture('saved-news-page.html') }
    ])
    expect(report.failed).toEqual([])
    expect(report.imported).toHaveLength(2)
    const [markdown] = report.imported
    const article = await library.getArticle(markdown!.id)
    expect(article).toMatchObject({ title: netflixArticle().title, slug: 'netflix-bets-big-on-generative-ai', tags: netflixArticle().tags })
    const faqItems: number[] = []
    walkBody(article.body, (node) => node.type === 'faq' && faqItems.push(node.content?.length ?? 0))
    expect(faqItems).toEqual([5])
    const slugs = (await library.listArticles({})).map((h) => h.slug)
    expect(new Set(slugs).size).toBe(2)
    expect((await library.listArticles({ query: 'deepfakes' })).map((h) => h.id)).toEqual([markdown!.id])
    const page = await library.getArticle(report.imported[1]!.id)
    expect(page.title).toBe('Streaming Wars: What the Price Hikes Mean for You')
    expect((await library.listArticles({ query: 'price hikes' })).map((h) => h.id)).toContain(page.id)
  })

  it('strips scripts and unsafe links from a hostile file and says what it dropped', async () => {
    const report = await library.importFiles([{ name: 'hostile.md', content: await fixture('hostile.md') }])
    expect(report.failed).toEqual([])
    const [done] = report.imported
    expect(done!.warnings.length).toBeGreaterThan(0)
    const stored = JSON.parse(await readFile(join(session.dir, 'articles', `${done!.id}.json`), 'utf8')) as Article
    // The title keeps “<script>” as plain text, which every output escapes; the body must hold nothing that runs.
    expect(JSON.stringify(stored.body)).not.toMatch(/<script|onerror|javascript:|vbscript:|data:text/i)
    walkBody(stored.body, (node) => {
      for (const mark of node.marks ?? []) if (mark.type === 'link') expect(isSafeLinkUrl(String(mark.attrs?.['href']))).toBe(true)
    })
  })

  it('reports a broken file with its reason and writes nothing for it', async () => {
    await library.createArticle({ title: 'Already here' })
    const before = await diskState()
    const report = await library.importFiles([
      { name: 'broken.md', content: '---\ntitle: "unclosed\ntags: [a, b\n---\nBody' },
      { name: 'notes.docx', content: 'PK binary' },
      { name: 'article.json', content: '{"formatVersion": 1, "title": ' }
    ])
    expect(report.imported).toEqual([])
    expect(report.failed.map((f) => f.file)).toEqual(['broken.md', 'notes.docx', 'article.json'])
    for (const failure of report.failed) expect(failure.reason).toMatch(/\w{3,}/)
    expect(await diskState()).toEqual(before)
  })

  it('imports the good files of a batch even when one is bad', async () => {
    const report = await library.importFiles([
      { name: 'good.md', content: '---\ntitle: Good one\n---\nHello.' },
      { name: 'bad.md', content: '---\ntitle: [unclosed\n---\n' }
    ])
    expect(report.imported.map((i) => i.title)).toEqual(['Good one'])
    expect(report.failed.map((f) => f.file)).toEqual(['bad.md'])
  })

  it('refuses a 10 MB Markdown file at its size cap, in plain words, without leaving half an article behind', async () => {
    const paragraph = 'Words of a very long article about streaming. '.repeat(40)
    const content = `---\ntitle: Huge\n---\n${`${paragraph}\n\n`.repeat(Math.ceil((10 * 1024 * 1024) / (paragraph.length + 2)))}`
    expect(content.length).toBeGreaterThan(10 * 1024 * 1024)
    const report = await library.importFiles([{ name: 'huge.md', content }])
    expect(report.imported).toEqual([])
    expect(report.failed).toEqual([{ file: 'huge.md', reason: expect.stringMatching(/^the file is 10\.\d MB; Copydesk imports Markdown files of up to 1 MB, which it reads in a few seconds\. Split it/) }])
    const files = await readdir(join(session.dir, 'articles'))
    expect(files).toHaveLength(report.imported.length)
    expect(files.every((name) => name.endsWith('.json'))).toBe(true)
    const reopened = await session.reopen()
    expect(reopened.info().notices).toEqual([])
  }, 60_000)

  it('takes the library’s own article JSON as a new article with a new id and slug', async () => {
    await addHostingPromo(library)
    const original = await library.createArticle(netflixFields())
    const report = await library.importFiles([{ name: `${original.id}.json`, content: JSON.stringify(original) }])
    const copy = await library.getArticle(report.imported[0]!.id)
    expect(copy.id).not.toBe(original.id)
    expect(copy.slug).not.toBe(original.slug)
    expect(copy.body).toEqual(original.body)
    expect((await library.listPromos())[0]!.usedBy.map((u) => u.id).sort()).toEqual([original.id, copy.id].sort())
  })

  it('copies the images a post names beside it into the media folder, and keeps the address of one it cannot find', async () => {
    const source = await makeTempDir('copydesk-post-')
    try {
      await mkdir(join(source.path, 'post'))
      await mkdir(join(source.path, 'img'))
      await writeFile(join(source.path, 'post', 'train.png'), tinyPng)
      await writeFile(join(source.path, 'img', 'a b.png'), tinyPng)
      await writeFile(join(source.path, 'post', 'notes.png'), 'not a picture')
      const text = [
        '---\ntitle: Trains\n---',
        '![A train](train.png)',
        'Inline ![a map](../img/a%20b.png) in text, and the train again ![](train.png).',
        '![Gone](missing.png)',
        '![Site root](/images/x.png)',
        '![Notes](notes.png)'
      ].join('\n\n')
      const file = join(source.path, 'post', 'index.md')
      await writeFile(file, text)
      const report = await library.importFiles([{ name: 'index.md', content: await readFile(file), dir: dirname(file) }])
      expect(report.failed).toEqual([])
      const [done] = report.imported
      const article = await library.getArticle(done!.id)
      const sources: string[] = []
      walkBody(article.body, (node) => isImageNode(node) && sources.push(String(node.attrs?.['src'])))
      expect(sources).toEqual([
        expect.stringMatching(/^media\/[0-9a-f]+-train\.png$/),
        expect.stringMatching(/^media\/[0-9a-f]+-a-b\.png$/),
        sources[0],
        'missing.png',
        '/images/x.png',
        'notes.png'
      ])
      for (const src of sources.slice(0, 2)) expect(await readFile(join(session.dir, src))).toEqual(tinyPng)
      expect(await readdir(join(session.dir, 'media'))).toHaveLength(2)
      expect(done!.warnings).toEqual(
        expect.arrayContaining([
          'The image “missing.png” was not found beside the imported file: its address is kept as written, so the site must have the file there.',
          'The image “/images/x.png” was not found beside the imported file: its address is kept as written, so the site must have the file there.',
          expect.stringMatching(/^The image “notes\.png” could not be added to the media folder \(“notes\.png” is not a PNG, JPEG, GIF, WebP or AVIF image/)
        ])
      )
    } finally {
      await source.cleanup()
    }
  })
})
