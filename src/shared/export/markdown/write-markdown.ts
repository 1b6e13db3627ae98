import { toHtml } from 'hast-util-to-html'
import type { Nodes, Parents, RootContent, Text } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown, type Handle, type Handlers, type Info, type Join, type Options, type SafeConfig, type State, type Unsafe } from 'mdast-util-to-markdown'
import type { CopydeskBlock, MarkdownEnv, Underline } from '../block-output'
import { mdastToHast } from '../html/mdast-to-hast'
import type { ExportWarningKind, ProfileName } from '../types'
import type { Dialect } from './dialects'
import { lineBreakOffset, matchesAtBreaks } from './line-break-patterns'

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

/** What a tree needs beyond CommonMark's handlers: GFM's, and a handler for each of Copydesk's own node types it holds. */
const GFM = 1
const UNDERLINE = 2
const BLOCK = 4

/**
 * Which handlers the tree needs (GFM | UNDERLINE | BLOCK). toMarkdown copies
 * its own handlers for every call and adds the ones it is given; a handler
 * for a type it does not know (GFM's, underline, a block) is a new key on
 * that copy, which Node 20's V8 gives new hidden classes every time: the
 * underline and block handlers cost each write about 5 µs, a third of
 * writing a short FAQ answer. So a write passes only the handlers its tree
 * can call.
 */
function handlersNeeded(node: Nodes): number {
  let needs = 0
  if (gfmTypes.has(node.type) || (node.type === 'listItem' && typeof node.checked === 'boolean')) needs |= GFM
  else if (node.type === 'underline') needs |= UNDERLINE
  else if (node.type === 'copydeskBlock') needs |= BLOCK
  if ('children' in node) for (const child of node.children) needs |= handlersNeeded(child)
  return needs
}

/**
 * A block's HTML as a CommonMark HTML block, which ends at the first blank
 * line: blank lines inside (only ever whitespace between tags, as FAQ and
 * promo hold no preformatted text) are dropped.
 */
export const htmlBlock = (html: string): string => html.replace(/\n(?:[ \t]*\n)+/g, '\n')

/**
 * The text without the newlines it ends with. A slice rather than a regex
 * replace, which copied the whole article into a new string.
 */
function withoutFinalNewlines(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--
  return end === text.length ? text : text.slice(0, end)
}

/** Whether a pattern applies in this construct stack: mdast-util-to-markdown's own rule (its `patternInScope`, not exported). */
const listInScope = (stack: readonly string[], list: Unsafe['inConstruct'], none: boolean): boolean => {
  const constructs = typeof list === 'string' ? [list] : list
  return !constructs || constructs.length === 0 ? none : constructs.some((construct) => stack.includes(construct))
}
const inScope = (stack: readonly string[], pattern: Unsafe): boolean => listInScope(stack, pattern.inConstruct, true) && !listInScope(stack, pattern.notInConstruct, false)

type ByCharacter = [string, Unsafe[]][]

/**
 * Each list of unsafe patterns seen, with its patterns that apply in each
 * construct stack grouped by character. toMarkdown copies the list into every
 * call's state, but from the same pattern objects for the same options, so a
 * list is recognised by its items and grouped once per process rather than
 * once per call (an article makes several: its body and each FAQ answer).
 */
const knownLists: { unsafe: readonly Unsafe[]; byStack: Map<string, ByCharacter> }[] = []
const listOfCall = new WeakMap<Unsafe[], Map<string, ByCharacter>>()
/** More than the writer's options ever make (with or without GFM's handlers, per dialect); a bound in case some caller makes new patterns each time. */
const KNOWN_LISTS = 16

function byStackOf(unsafe: Unsafe[]): Map<string, ByCharacter> {
  let byStack = listOfCall.get(unsafe)
  if (byStack) return byStack
  const same = (list: readonly Unsafe[]): boolean => list.length === unsafe.length && list.every((pattern, index) => pattern === unsafe[index])
  byStack = knownLists.find(({ unsafe: list }) => same(list))?.byStack
  if (!byStack) {
    byStack = new Map()
    knownLists.unshift({ unsafe: [...unsafe], byStack })
    knownLists.length = Math.min(knownLists.length, KNOWN_LISTS)
  }
  listOfCall.set(unsafe, byStack)
  return byStack
}

/**
 * The unsafe patterns that apply where text is being written, grouped by
 * character. Text is written in a handful of construct stacks
 * (paragraph/phrasing, headingAtx/phrasing, …), so each text node looks at
 * the few characters possible there instead of all 90-odd patterns.
 */
function patternsInScope(state: State): ByCharacter {
  const byStack = byStackOf(state.unsafe)
  const key = state.stack.join('\n')
  let byCharacter = byStack.get(key)
  if (!byCharacter) {
    const grouped = new Map<string, Unsafe[]>()
    for (const pattern of state.unsafe) {
      if (!inScope(state.stack, pattern)) continue
      const same = grouped.get(pattern.character)
      if (same) same.push(pattern)
      else grouped.set(pattern.character, [pattern])
    }
    byCharacter = [...grouped]
    byStack.set(key, byCharacter)
  }
  return byCharacter
}

/**
 * `state.safe` over only the unsafe patterns that are in scope and whose
 * character occurs in the text (with `only`, also one of those characters).
 * A pattern always matches its character literally, and safe skips patterns
 * out of scope, so the others cannot match and the result is the same:
 * running their 90-odd regexes over every paragraph took a third of the time
 * spent writing Markdown. Which patterns run does not change the result, as
 * safe merges the matches at each position whatever their order. Likewise a
 * pattern that must hold a line break is left out of a text without one when
 * it matches at none of the breaks around it (line-break-patterns.ts).
 */
function safeText(state: State, value: string, config: SafeConfig, only?: string): string {
  const { before = '', after = '' } = config
  const all = state.unsafe
  const kept: Unsafe[] = []
  let oneLine: boolean | undefined
  for (const [character, patterns] of patternsInScope(state)) {
    // A pattern's character is one character: it occurs in before + value + after if in one of them (without building that string).
    const occurs = value.includes(character) || before.includes(character) || after.includes(character)
    if ((only !== undefined && !only.includes(character)) || !occurs) continue
    for (const pattern of patterns) {
      const offset = lineBreakOffset(pattern)
      if (offset !== undefined) {
        oneLine ??= !value.includes('\n') && !value.includes('\r')
        if (oneLine && !matchesAtBreaks(state, pattern, offset, before, value, after)) continue
      }
      kept.push(pattern)
    }
  }
  state.unsafe = kept
  try {
    return state.safe(value, config)
  } finally {
    state.unsafe = all
  }
}

/** A handler with the `peek` mdast-util-to-markdown's phrasing calls, when there is one, for the first character alone (its types leave it out). */
type Peeking = Handle & { peek: Handle }

const gfmEscapes = new WeakMap<Dialect, Pick<Options, 'unsafe' | 'join'>>()
/**
 * GFM's escapes and joins, then the dialect's, in the order its extensions would add them, so text is escaped exactly
 * as with them. Made once per dialect: a writer is made for every article, and toMarkdown only reads these lists.
 */
function gfmEscapesOf(dialect: Dialect): Pick<Options, 'unsafe' | 'join'> {
  let lists = gfmEscapes.get(dialect)
  if (!lists) {
    lists = { unsafe: [...gfmUnsafe, ...dialect.unsafe], join: [...gfmJoin, ...(dialect.join ?? [])] }
    gfmEscapes.set(dialect, lists)
  }
  return lists
}

/** Writes mdast as Markdown for one profile: remark escapes text, the dialect adds its generator's escapes. */
export function createMarkdownWriter(options: MarkdownWriterOptions): (nodes: readonly RootContent[]) => string {
  const { dialect } = options
  const env: MarkdownEnv = { profile: options.profile, markdown: (nodes) => write(nodes), component: options.component }
  /**
   * The fields safe reads, named one by one: `{ ...info, encode, … }` (spread, then keys info lacks) cost V8 a
   * new hidden class per text node, a microsecond or more each.
   */
  const textConfig = (parent: Parents | undefined, state: State, info: Info): SafeConfig => {
    const index = state.indexStack.at(-1) ?? 0
    return { before: info.before, after: info.after, encode: dialect.encode, beforeNode: parent?.children[index - 1], afterNode: parent?.children[index + 1] }
  }
  const writeText = (node: Text, parent: Parents | undefined, state: State, info: Info): string => safeText(state, node.value, textConfig(parent, state, info))
  /**
   * What phrasing asks of a text node to know the character after its previous
   * sibling: without a peek, the library escaped every such text twice. Only
   * position 0's escape decides the first character, and it depends only on
   * the matches at positions 0 and 1, which only patterns for those two
   * characters can make; the rest of the text comes out as the full handler
   * writes it, so the first character is the same.
   */
  const text: Peeking = Object.assign(writeText, {
    peek: (node: Text, parent: Parents | undefined, state: State, info: Info) => safeText(state, node.value, textConfig(parent, state, info), node.value.slice(0, 2))
  })
  const writeUnderline = (node: Underline, _parent: Parents | undefined, state: State, info: Info): string =>
    `<u>${state.containerPhrasing(node, { ...info, before: '>', after: '<' })}</u>`
  // Its first character, without writing its content a second time.
  const underline: Peeking = Object.assign(writeUnderline, { peek: () => '<' })
  const copydeskBlock: Handle = (node: CopydeskBlock) =>
    node.output.markdown(node.payload, node.index, env) ?? htmlBlock(toHtml(node.output.html(node.payload, { hast: mdastToHast })))

  /** The options for each set of handlers a tree needs, made when first needed. */
  const optionsFor: Options[] = []
  function optionsOf(needs: number): Options {
    let made = optionsFor[needs]
    if (made) return made
    // Keys set one by one, not spread in and added to: that copy is as slow as toMarkdown's (see handlersNeeded).
    const handlers: Partial<Handlers> = Object.assign({}, dialect.handlers)
    handlers.text = text
    if (needs & UNDERLINE) handlers.underline = underline
    if (needs & BLOCK) handlers.copydeskBlock = copydeskBlock
    made = Object.assign({}, markdownStyle, needs & GFM ? { unsafe: dialect.unsafe, join: dialect.join ?? [], extensions: [gfm] } : gfmEscapesOf(dialect))
    made.handlers = handlers
    optionsFor[needs] = made
    return made
  }

  function write(nodes: readonly RootContent[]): string {
    // Neither protect nor toMarkdown changes the tree, so the caller's list is not copied.
    const root = { type: 'root' as const, children: nodes as RootContent[] }
    const safe = dialect.protect ? dialect.protect(root, options.warn) : root
    return withoutFinalNewlines(toMarkdown(safe, optionsOf(handlersNeeded(safe))))
  }
  return write
}
