import type { Root, RootContent } from 'mdast'
import type { Options } from 'remark-stringify'
import type { ExportWarningKind } from '../types'
import { mdxExpression } from './mdx'

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
}

type Code = Extract<RootContent, { type: 'code' | 'inlineCode' }>
type Parent = { children: RootContent[] }

/** A copy of the tree with each node `replace` answers for replaced by its answer, and the others' children mapped. */
function mapNodes<T extends Parent>(tree: T, replace: (node: RootContent) => RootContent[] | undefined): T {
  const children = tree.children.flatMap((child): RootContent[] => {
    const replaced = replace(child)
    if (replaced) return replaced
    return 'children' in child ? [mapNodes(child as RootContent & Parent, replace)] : [child]
  })
  return { ...tree, children }
}

/** A copy of the tree with each code node replaced by what `replace` returns. */
const mapCode = <T extends Parent>(tree: T, replace: (node: Code) => RootContent[]): T =>
  mapNodes(tree, (node) => (node.type === 'code' || node.type === 'inlineCode' ? replace(node) : undefined))

/**
 * The character that makes remark-gfm link an address found in text: the `:`
 * of `http://` and `https://`, the `.` after `www` and the `@` of an e-mail
 * address, captured so `split` keeps it. This finds a few more than
 * remark-gfm links, which costs nothing.
 */
const gfmAddressKey = /((?<=https?):(?=\/\/)|(?<=www)\.|(?<=[\w+.-])@(?=[\w-]+\.[\w-]))/i

/**
 * remark-gfm links addresses in the parsed text, after escapes are gone
 * (remarkjs/remark-gfm#33), so `https\://` still becomes a link. An MDX
 * expression holding the key character splits the text where remark-gfm
 * looks for it, and renders as that character. Link text is left alone:
 * GFM makes no link inside a link.
 */
function unlinkAddresses(tree: Root): Root {
  return mapNodes(tree, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') return [node]
    if (node.type !== 'text' || !gfmAddressKey.test(node.value)) return undefined
    // `split` puts the captured key characters at odd indexes.
    return node.value
      .split(gfmAddressKey)
      .flatMap((part, index): RootContent[] =>
        index % 2 ? [{ type: 'html', value: mdxExpression(part) }] : part ? [{ type: 'text', value: part }] : []
      )
  })
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
    return [{ type: 'html', value: '{% raw %}' }, node, { type: 'html', value: '{% endraw %}' }]
  })

/**
 * A URL as the HTML export writes it (mdast-util-to-hast's normalizeUri:
 * unsafe characters percent-encoded), made an HTML attribute value that
 * neither kramdown, which keeps character references, nor Liquid reads.
 */
const kramdownUrl = (url: string): string =>
  url
    .replace(/%(?![\da-z]{2})|[^!#$%&-;=?-Z_a-z~]/giu, (char) => encodeURIComponent(/^[\ud800-\udfff]$/.test(char) ? '\ufffd' : char))
    .replace(/&/g, '&amp;')
const kramdownTitle = (title: string): string => title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\{/g, '&#x7B;')
const kramdownDestination = ({ url, title }: { url: string; title?: string | null | undefined }): string =>
  `](<${kramdownUrl(url)}>${title ? ` "${kramdownTitle(title)}"` : ''})`
const html = (value: string): RootContent => ({ type: 'html', value })

/**
 * What kramdown reads unlike CommonMark, written as kramdown reads it:
 * - a link's or image's destination is taken as written, backslashes
 *   included, so it is written as an already-encoded URL in angle brackets;
 * - text inside `<u>` is raw unless the element asks for `markdown="span"`
 *   (which kramdown then drops);
 * - an ordered list always starts at 1 unless an attribute list before it
 *   gives its `start`.
 */
function kramdownSyntax(tree: Root): Root {
  const replace = (node: RootContent): RootContent[] | undefined => {
    const inner = (parent: Parent): RootContent[] => mapNodes(parent, replace).children
    if (node.type === 'link') return [html('['), ...inner(node), html(kramdownDestination(node))]
    if (node.type === 'image') return [html('!['), { type: 'text', value: node.alt ?? '' }, html(kramdownDestination(node))]
    if (node.type === 'underline') return [html('<u markdown="span">'), ...inner(node), html('</u>')]
    if (node.type === 'list' && node.ordered && typeof node.start === 'number' && node.start !== 1) {
      return [html(`{: start="${node.start}"}`), mapNodes(node, replace)]
    }
    return undefined
  }
  return mapNodes(tree, replace)
}

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
    protect: (tree, warn) =>
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
   * also reads `{:` (attributes), `$$` (math), a line holding a `|` as a
   * table row, a line starting with `:` as a definition and a line holding
   * only `^` as the end of a block; a `]` in text is escaped so a link's text
   * cannot end early.
   * What kramdown reads differently from CommonMark is written its way (see
   * `kramdownSyntax`). Its typography (`--` to a dash, smart quotes) is the
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
    protect: (tree, warn) => kramdownSyntax(rawLiquidCode(tree, warn))
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
