import type { Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../../../src/shared/article/article'
import type { BodyNode } from '../../../../src/shared/article/body'
import { convertArticle } from '../../../../src/shared/export/convert-article'
import { dialects, type Dialect, type DialectName } from '../../../../src/shared/export/markdown/dialects'
import { createMarkdownWriter, markdownStyle } from '../../../../src/shared/export/markdown/write-markdown'
import { canaryArticle } from '../../../../src/main/site-export/renderer-fingerprint'
import { netflixArticle } from '../../../fixtures/netflix'
import { adversarialBody } from '../support/adversarial'
import { articleWith, bulletList, fixtureContext, link, orderedList, p, text } from '../support/body'

/**
 * The writer takes two shortcuts for speed: it runs only the unsafe patterns
 * whose character occurs in a text, and it writes trees without tables,
 * strike-through or code with CommonMark's handlers and GFM's escapes. Both
 * must give exactly what the plain setup gives, remark-stringify with
 * remark-gfm: a new version of either library that breaks that fails here.
 */
function plainWriter(dialect: Dialect): (nodes: RootContent[]) => string {
  const processor = unified()
    .use(remarkGfm)
    .use(remarkStringify, {
      ...markdownStyle,
      unsafe: dialect.unsafe,
      join: dialect.join ?? [],
      handlers: {
        ...dialect.handlers,
        text(node, parent, state, info) {
          const index = state.indexStack.at(-1) ?? 0
          return state.safe(node.value, { ...info, encode: dialect.encode, beforeNode: parent?.children[index - 1], afterNode: parent?.children[index + 1] })
        },
        underline: (node, _parent, state, info) => `<u>${state.containerPhrasing(node, { ...info, before: '>', after: '<' })}</u>`
      }
    })
  return (nodes) => {
    const root: Root = { type: 'root', children: nodes }
    return processor.stringify(dialect.protect ? dialect.protect(root, () => undefined) : root).replace(/\n+$/, '')
  }
}

const cell = (type: 'tableHeader' | 'tableCell', ...content: BodyNode[]): BodyNode => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(...content)] })
const gfmBody = (): BodyNode[] => [
  {
    type: 'table',
    content: [
      { type: 'tableRow', content: [cell('tableHeader', text('a|b')), cell('tableHeader', text('`x|y`', 'code'))] },
      { type: 'tableRow', content: [cell('tableCell', text('gone', 'strike'), text(' *kept*')), cell('tableCell', text('u_nder', 'underline'))] }
    ]
  },
  p(text('Struck ', 'strike'), text('and '), text('code `with` ticks', 'code'), text(' and www.example.com and https://e.com/a_b')),
  bulletList([p('one'), p('two paragraphs')], [p(text('linked', link('https://example.com/?a=1&b=2')))]),
  orderedList(9, [p('nine.'), orderedList(1, [p('1) nested')])]),
  p(text('Trailing spaces and tabs \t'), { type: 'hardBreak' }, text('\tafter a break')),
  p(`Every ASCII punctuation mark: ${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}`)
]

const articles: [string, Article][] = [
  ['the fixture article', netflixArticle()],
  ['the renderer canary', canaryArticle],
  ['adversarial text', articleWith(adversarialBody())],
  ['GFM constructs', articleWith(gfmBody())]
]

describe('the Markdown writer', () => {
  describe.each(Object.keys(dialects) as DialectName[])('for the %s dialect', (name) => {
    it.each(articles)('writes %s exactly as remark-stringify with remark-gfm does', (_, article) => {
      const { body, warn } = convertArticle(article, fixtureContext(), (src) => ({ path: src, url: src }))
      // Custom blocks are written by their own outputs, not by the Markdown serializer.
      const nodes = body.filter((node) => node.type !== 'copydeskBlock')
      const write = createMarkdownWriter({ profile: 'plain', dialect: dialects[name], warn, component: (component) => component })
      const written = write(nodes)
      expect(written.length).toBeGreaterThan(100)
      expect(written).toBe(plainWriter(dialects[name])(nodes))
    })
  })
})

/**
 * Text written right before another node is escaped knowing that node's first
 * character, which the writer's text handler gives by a peek over only the
 * patterns of the next text's first two characters. Escapes that depend on
 * the next character (`<` before a letter or `!`, `&` before `#`, `!` before
 * `[`, a space before a line ending, `\` before a line ending) tell a wrong
 * peek: each ending is followed by every pair of punctuation, letters, spaces
 * and line endings.
 */
describe('text followed by text', () => {
  const characters = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => !/[0-9A-Za-z]/.test(c)), '[', '\\', ']', '^', '_', '`', '{', '|', '}', '~', 'a', '#', ' ', '\n']
  const endings = ['a<', 'a&', 'a!', 'a ', 'a\\', 'a*', 'a_', 'a[']
  const paragraphs: RootContent[] = endings.flatMap((ending) =>
    characters.flatMap((first) => characters.map((second): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: ending }, { type: 'text', value: `${first}${second}x` }] })))
  )
  it.each(Object.keys(dialects) as DialectName[])('is escaped in the %s dialect as without the peek', (name) => {
    const write = createMarkdownWriter({ profile: 'plain', dialect: dialects[name], warn: () => undefined, component: (component) => component })
    expect(write(paragraphs)).toBe(plainWriter(dialects[name])(paragraphs))
  })
})
