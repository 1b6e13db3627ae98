import { toHtml } from 'hast-util-to-html'
import type { RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify, { type Options } from 'remark-stringify'
import { unified } from 'unified'
import type { MarkdownEnv } from '../block-output'
import { mdastToHast } from '../html/mdast-to-hast'
import type { ExportWarningKind, ProfileName } from '../types'
import type { Dialect } from './dialects'

export interface MarkdownWriterOptions {
  profile: ProfileName
  dialect: Dialect
  warn(kind: ExportWarningKind, message: string): void
  component: MarkdownEnv['component']
}

const style: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  // `[https://x](https://x)` rather than `<https://x>`: MDX has no autolinks.
  resourceLink: true
}

/**
 * A block's HTML as a CommonMark HTML block, which ends at the first blank
 * line: blank lines inside (only ever whitespace between tags, as FAQ and
 * promo hold no preformatted text) are dropped.
 */
export const htmlBlock = (html: string): string => html.replace(/\n(?:[ \t]*\n)+/g, '\n')

/** Writes mdast as Markdown for one profile: remark escapes text, the dialect adds its generator's escapes. */
export function createMarkdownWriter(options: MarkdownWriterOptions): (nodes: readonly RootContent[]) => string {
  const { dialect } = options
  const env: MarkdownEnv = { profile: options.profile, markdown: (nodes) => write(nodes), component: options.component }
  const processor = unified()
    .use(remarkGfm)
    .use(remarkStringify, {
      ...style,
      unsafe: dialect.unsafe,
      handlers: {
        text(node, parent, state, info) {
          const index = state.indexStack.at(-1) ?? 0
          return state.safe(node.value, {
            ...info,
            encode: dialect.encode,
            beforeNode: parent?.children[index - 1],
            afterNode: parent?.children[index + 1]
          })
        },
        underline: (node, _parent, state, info) => `<u>${state.containerPhrasing(node, { ...info, before: '>', after: '<' })}</u>`,
        copydeskBlock: (node) =>
          node.output.markdown(node.payload, node.index, env) ?? htmlBlock(toHtml(node.output.html(node.payload, { hast: mdastToHast })))
      }
    })

  function write(nodes: readonly RootContent[]): string {
    const root = { type: 'root' as const, children: [...nodes] }
    const safe = dialect.protectCode ? dialect.protectCode(root, options.warn) : root
    return processor.stringify(safe).replace(/\n+$/, '')
  }
  return write
}
