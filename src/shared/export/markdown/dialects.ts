import type { Root } from 'mdast'
import type { Handlers, Join } from 'mdast-util-to-markdown'
import type { Options } from 'remark-stringify'
import type { ExportWarningKind } from '../types'
import { kramdownHandlers, kramdownJoin, kramdownSyntax } from './kramdown'
import { mapCode, raw } from './map-nodes'
import { unlinkAddresses } from './mdx'
import { warnOfGoldmarkDifferences, warnOfKramdownDifferences } from './site-differences'

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
  /**
   * Returns the tree with what escapes cannot protect made safe: code, which
   * cannot hold escapes, and text the parser still reads as markup whatever
   * its escapes. Never changes the tree it is given.
   */
  protect?(tree: Root, warn: (kind: ExportWarningKind, message: string) => void): Root
  /** Handlers that write a node the dialect's way where its parser reads CommonMark's differently. */
  handlers?: Partial<Handlers>
  /** How the dialect needs some blocks joined (no blank line between an attribute list and its block). */
  join?: Join[]
}

const templateSyntaxWarning = (generator: string): string =>
  `Code containing ${generator} template syntax could not be fully protected; a zero-width space was added so the site still builds.`

/** Code holding Liquid syntax inside raw tags, so Liquid leaves it alone. */
const rawLiquidCode = (tree: Root, warn: (kind: ExportWarningKind, message: string) => void): Root =>
  mapCode(tree, (node) => {
    if (!/\{[{%]/.test(node.value)) return [node]
    if (/\{%-?\s*endraw/.test(node.value)) {
      warn('template-syntax-in-code', templateSyntaxWarning('Liquid'))
      return [{ ...node, value: node.value.replace(/\{(?=[{%])/g, '{\u200b') }]
    }
    return [raw('{% raw %}'), node, raw('{% endraw %}')]
  })

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
    protect: (tree, warn) => {
      warnOfGoldmarkDifferences(tree, warn)
      return mapCode(tree, (node) => {
        // Hugo's own escape: {{</* x */>}} is written out as {{< x >}}.
        const paired = node.value.replace(/\{\{<([\s\S]*?)>\}\}/g, '{{</*$1*/>}}').replace(/\{\{%([\s\S]*?)%\}\}/g, '{{%/*$1*/%}}')
        if (!/\{\{[<%]/.test(paired.replace(/\{\{([<%])\/\*[\s\S]*?\*\/[>%]\}\}/g, ''))) return [{ ...node, value: paired }]
        warn('template-syntax-in-code', templateSyntaxWarning('Hugo shortcode'))
        return [{ ...node, value: node.value.replace(/\{\{(?=[<%])/g, '{{\u200b') }]
      })
    }
  },
  /**
   * Jekyll runs Liquid (`{{ }}`, `{% %}`) over the file, then kramdown, which
   * has no backslash escape for `<`, `>`, `&`, `%`, `~` and some others: those
   * become character references, as does a `{` that Liquid would read. Kramdown
   * also reads `{:` (attributes), `$$` (math), a line holding a `|` as a
   * table row, a line starting with `:` as a definition and a line holding
   * only `^` as the end of a block; a `]` in text is escaped so a link's text
   * cannot end early.
   * What kramdown reads differently from CommonMark is written its way (see
   * `kramdownSyntax`), and what cannot be is said (`site-differences`). Its typography (`--` to a dash, smart quotes) is the
   * site's setting, as with Hugo's typographer.
   */
  liquid: {
    unsafe: [
      { character: '{', after: '[{%:]', inConstruct: inText },
      // Matches consume their `after`, so the middle `{` of `{{%` needs its own pattern.
      { character: '{', before: '\\{', inConstruct: inText },
      { character: '$', after: '\\$', inConstruct: inText },
      { character: '|', inConstruct: inText },
      { character: ']', inConstruct: inText },
      { atBreak: true, character: ':' },
      { atBreak: true, character: '^' }
    ],
    encode: ['{', '<', '>', '&', '%', '~', '^', '@', '/', '?', ';', ','],
    protect: (tree, warn) => {
      warnOfKramdownDifferences(tree, warn)
      return kramdownSyntax(rawLiquidCode(tree, warn), warn)
    },
    handlers: kramdownHandlers,
    join: [kramdownJoin]
  },
  /**
   * MDX reads `{` as an expression and `<` as JSX everywhere in text, and a
   * line starting `import ` or `export ` as JavaScript (its first letter is
   * written as a character reference, as letters have no backslash escape).
   * Astro runs remark-gfm.
   */
  mdx: {
    unsafe: [
      { character: '{', inConstruct: inText },
      { character: '<', inConstruct: inText },
      { atBreak: true, character: '{' },
      { atBreak: true, character: '<' },
      { atBreak: true, character: 'i', after: 'mport ' },
      { atBreak: true, character: 'e', after: 'xport ' }
    ],
    encode: [],
    protect: unlinkAddresses
  }
} satisfies Record<string, Dialect>

export type DialectName = keyof typeof dialects
