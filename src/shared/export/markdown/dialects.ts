import type { Root, RootContent } from 'mdast'
import type { Options } from 'remark-stringify'
import type { ExportWarningKind } from '../types'

type Unsafe = NonNullable<Options['unsafe']>[number]

/** Where escapes in text apply: running text, and link and image labels. */
const inText: Unsafe['inConstruct'] = ['phrasing', 'label']

/**
 * What a site generator reads in Markdown before (or instead of) the
 * Markdown parser. Text is escaped so the generator leaves it alone and the
 * Markdown parser still shows it as written; code cannot hold escapes, so
 * each dialect protects it its own way.
 */
export interface Dialect {
  unsafe: Unsafe[]
  /** Characters written as character references rather than backslash escapes when they are unsafe. */
  encode: string[]
  /** Returns the tree with its code made safe; never changes the tree it is given. */
  protectCode?(tree: Root, warn: (kind: ExportWarningKind, message: string) => void): Root
}

type Code = Extract<RootContent, { type: 'code' | 'inlineCode' }>
type Parent = { children: RootContent[] }

/** A copy of the tree with each code node replaced by what `replace` returns. */
function mapCode<T extends Parent>(tree: T, replace: (node: Code) => RootContent[]): T {
  const children = tree.children.flatMap((child): RootContent[] => {
    if (child.type === 'code' || child.type === 'inlineCode') return replace(child)
    return 'children' in child ? [mapCode(child as RootContent & Parent, replace)] : [child]
  })
  return { ...tree, children }
}

const templateSyntaxWarning = (generator: string): string =>
  `Code containing ${generator} template syntax could not be fully protected; a zero-width space was added so the site still builds.`

export const dialects = {
  /** CommonMark as is: the plain profile. */
  commonmark: { unsafe: [], encode: [] },
  /** Hugo expands `{{<` and `{{%` shortcodes anywhere in the file, code included. */
  hugo: {
    unsafe: [
      { character: '<', before: '\\{\\{', inConstruct: inText },
      { character: '%', before: '\\{\\{', inConstruct: inText }
    ],
    encode: [],
    protectCode: (tree, warn) =>
      mapCode(tree, (node) => {
        // Hugo's own escape: {{</* x */>}} is written out as {{< x >}}.
        const paired = node.value.replace(/\{\{<([\s\S]*?)>\}\}/g, '{{</*$1*/>}}').replace(/\{\{%([\s\S]*?)%\}\}/g, '{{%/*$1*/%}}')
        if (!/\{\{[<%]/.test(paired.replace(/\{\{([<%])\/\*[\s\S]*?\*\/[>%]\}\}/g, ''))) return [{ ...node, value: paired }]
        warn('template-syntax-in-code', templateSyntaxWarning('Hugo shortcode'))
        return [{ ...node, value: node.value.replace(/\{\{(?=[<%])/g, '{{\u200b') }]
      })
  },
  /**
   * Jekyll runs Liquid (`{{ }}`, `{% %}`) over the file, then kramdown, which
   * has no backslash escape for `<`, `>`, `&`, `%`, `~` and some others: those
   * become character references, as does a `{` that Liquid would read. Kramdown
   * also reads `{:` (attributes) and `$$` (math). Its typography (`--` to a
   * dash, smart quotes) is the site's setting, as with Hugo's typographer.
   */
  liquid: {
    unsafe: [
      { character: '{', after: '[{%:]', inConstruct: inText },
      // Matches consume their `after`, so the middle `{` of `{{%` needs its own pattern.
      { character: '{', before: '\\{', inConstruct: inText },
      { character: '$', after: '\\$', inConstruct: inText }
    ],
    encode: ['{', '<', '>', '&', '%', '~', '^', '@', '/', '?', ';', ','],
    protectCode: (tree, warn) =>
      mapCode(tree, (node) => {
        if (!/\{[{%]/.test(node.value)) return [node]
        if (/\{%-?\s*endraw/.test(node.value)) {
          warn('template-syntax-in-code', templateSyntaxWarning('Liquid'))
          return [{ ...node, value: node.value.replace(/\{(?=[{%])/g, '{\u200b') }]
        }
        return [{ type: 'html', value: '{% raw %}' }, node, { type: 'html', value: '{% endraw %}' }]
      })
  },
  /** MDX reads `{` as an expression and `<` as JSX everywhere in text. */
  mdx: {
    unsafe: [
      { character: '{', inConstruct: inText },
      { character: '<', inConstruct: inText },
      { atBreak: true, character: '{' },
      { atBreak: true, character: '<' }
    ],
    encode: []
  }
} satisfies Record<string, Dialect>

export type DialectName = keyof typeof dialects
