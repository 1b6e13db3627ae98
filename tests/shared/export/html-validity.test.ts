import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { exportHtml } from '../../../src/shared/export'
import { hostingPromo, netflixArticle } from '../../fixtures/netflix'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { adversarialBody } from './support/adversarial'
import { articleWith, bulletList, faq, fixtureContext, heading, image, link, orderedList, p, promoSlot, text } from './support/body'

const vnuJar = join(import.meta.dirname, '../../../node_modules/vnu-jar/build/dist/vnu.jar')

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error'
  subType?: string
  url: string
  message: string
  extract?: string
}

const hostile = '</script><script>alert(1)</script> "quotes" & <b>tags</b> <!-- \u2028'

const documents: Record<string, Article> = {
  fixture: netflixArticle(),
  'every-block': articleWith(
    [
      p(text('Bold', 'bold'), ' ', text('italic', 'italic'), ' ', text('struck', 'strike'), ' ', text('underlined', 'underline'), ' ', text('code', 'code'), ' ', text('link', link('https://example.com/?a=1&b=2'))),
      p('Line one', { type: 'hardBreak' }, 'line two'),
      heading(3, 'A third-level heading'),
      heading(4, 'A fourth-level heading'),
      image('media/photo-1.jpg', 'A photo'),
      image('https://example.com/remote.png', ''),
      bulletList([p('One')], [p('Two'), orderedList(3, [p('Three')], [p('Four')])]),
      { type: 'blockquote', content: [p('Quoted'), { type: 'blockquote', content: [p('Nested')] }] },
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const a = "<b>" && 1 < 2\n')] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [{ type: 'tableHeader', content: [p('Name')] }, { type: 'tableHeader', content: [p('Value')] }] },
          { type: 'tableRow', content: [{ type: 'tableCell', content: [p('a | b')] }, { type: 'tableCell', attrs: { colspan: 1 }, content: [p('1'), p('2')] }] }
        ]
      },
      faq('First FAQ', ['Why?', [p('Because.'), bulletList([p('One')], [p('Two')])]]),
      promoSlot(hostingPromo().id),
      faq('', ['Untitled FAQ question?', [p('Still valid.')]])
    ],
    { featuredImage: { src: 'media/cover.jpg', alt: 'Cover' }, publishDate: '2025-10-22T18:30:00+02:00' }
  ),
  hostile: articleWith([p(hostile), faq(hostile, [hostile, [p(hostile)]]), ...adversarialBody()], {
    title: hostile,
    dek: hostile,
    description: hostile,
    authors: [hostile, 'Second Author', 'Third Author'],
    tags: [hostile]
  }),
  empty: articleWith([], { title: '', dek: '', description: '', authors: [], tags: [], publishDate: null })
}

const tools = needsTools(['java'], 'Nu Html Checker')

describe.skipIf(tools.skip)('the standalone HTML export, checked by the Nu Html Checker', () => {
  let messages: VnuMessage[] = []
  let dir: Awaited<ReturnType<typeof makeTempDir>>

  beforeAll(async () => {
    dir = await makeTempDir('copydesk-vnu-')
    const files = await Promise.all(
      Object.entries(documents).map(async ([name, article]) => {
        const file = join(dir.path, `${name}.html`)
        await writeFile(file, exportHtml(article, fixtureContext()).content)
        return file
      })
    )
    // One run of the checker for every document: starting Java is the slow part.
    const run = await promisify(execFile)('java', ['-jar', vnuJar, '--format', 'json', '--stdout', ...files], { maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' })
    )
    messages = (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages
  }, 120_000)

  afterAll(() => dir?.cleanup())

  it.each(Object.keys(documents))('accepts the %s document with no errors or warnings', (name) => {
    const forDocument = messages.filter((message) => message.url.endsWith(`/${name}.html`))
    expect(forDocument.filter((message) => message.type !== 'info' || message.subType === 'warning')).toEqual([])
  })

  it('checked every document', () => {
    expect(messages.every((message) => message.type !== 'non-document-error')).toBe(true)
  })
})
