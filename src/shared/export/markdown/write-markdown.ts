import { toHtml } from 'hast-util-to-html'
import type { Nodes, RootContent } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown, type Handlers, type Join, type Options, type SafeConfig, type State, type Unsafe } from 'mdast-util-to-markdown'
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

/** How Copydesk writes Markdown wherever there is a choice. */
export const markdownStyle: Options = {
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

// What remark-gfm hands remark-stringify, built once (both are stateless): a unified processor per article took a tenth of the export's time.
const gfm = gfmToMarkdown()
const gfmParts = gfm.extensions ?? []
const gfmUnsafe: Unsafe[] = gfmParts.flatMap((part) => part.unsafe ?? [])
const gfmJoin: Join[] = gfmParts.flatMap((part) => part.join ?? [])

/**
 * Node types GFM's serializers handle differently from CommonMark's. Its
 * other handler, for paragraphs, only differs inside task-list items (a
 * `checked` list item), which export never makes. Merging its handlers into
 * every write's state cost about as much as writing a short FAQ answer, so a
 * tree without these is written with CommonMark's handlers and GFM's escapes,
 * which gives the same text (tests/shared/export/markdown/write-markdown.test.ts).
 */
const gfmTypes = new Set(['table', 'tableRow', 'tableCell', 'delete', 'inlineCode', 'footnoteReference', 'footnoteDefinition'])
function needsGfmHandlers(node: Nodes): boolean {
  if (gfmTypes.has(node.type)) return true
  if (node.type === 'listItem' && typeof node.checked === 'boolean') return true
  return 'children' in node && node.children.some(needsGfmHandlers)
}

/**
 * A block's HTML as a CommonMark HTML block, which ends at the first blank
 * line: blank lines inside (only ever whitespace between tags, as FAQ and
 * promo hold no preformatted text) are dropped.
 */
export const htmlBlock = (html: string): string => html.replace(/\n(?:[ \t]*\n)+/g, '\n')

/**
 * `state.safe` over only the unsafe patterns whose character occurs in the
 * text. A pattern always matches its character literally, so the others
 * cannot match and the result is the same; running their 60-odd regexes over
 * every paragraph took a third of the time spent writing Markdown.
 */
function safeText(state: State, value: string, config: SafeConfig): string {
  const subject = `${config.before ?? ''}${value}${config.after ?? ''}`
  const all = state.unsafe
  state.unsafe = all.filter((pattern) => subject.includes(pattern.character))
  try {
    return state.safe(value, config)
  } finally {
    state.unsafe = all
  }
}

/** Writes mdast as Markdown for one profile: remark escapes text, the dialect adds its generator's escapes. */
export function createMarkdownWriter(options: MarkdownWriterOptions): (nodes: readonly RootContent[]) => string {
  const { dialect } = options
  const env: MarkdownEnv = { profile: options.profile, markdown: (nodes) => write(nodes), component: options.component }
  const handlers: Partial<Handlers> = {
    ...dialect.handlers,
    text(node, parent, state, info) {
      const index = state.indexStack.at(-1) ?? 0
      return safeText(state, node.value, {
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
  const withGfm: Options = { ...markdownStyle, unsafe: dialect.unsafe, join: dialect.join ?? [], extensions: [gfm], handlers }
  // GFM's escapes and joins in the order its extensions would add them, so text is escaped exactly as with them.
  const withGfmEscapes: Options = { ...markdownStyle, unsafe: [...gfmUnsafe, ...dialect.unsafe], join: [...gfmJoin, ...(dialect.join ?? [])], handlers }

  function write(nodes: readonly RootContent[]): string {
    const root = { type: 'root' as const, children: [...nodes] }
    const safe = dialect.protect ? dialect.protect(root, options.warn) : root
    return toMarkdown(safe, needsGfmHandlers(safe) ? withGfm : withGfmEscapes).replace(/\n+$/, '')
  }
  return write
}
