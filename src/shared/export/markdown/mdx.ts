import type { Root, RootContent } from 'mdast'
import { mapNodes, raw } from './map-nodes'

/**
 * A value as an MDX attribute expression, `{"…"}`. MDX finds the end of an
 * expression by its braces and reads `<` as JSX, so those become JSON \u
 * escapes: the same string to JavaScript, nothing for MDX to trip on.
 */
export function mdxExpression(value: unknown): string {
  return `{${JSON.stringify(value).replace(/[{}<>\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}}`
}

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
export function unlinkAddresses(tree: Root): Root {
  return mapNodes(tree, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') return [node]
    if (node.type !== 'text' || !gfmAddressKey.test(node.value)) return undefined
    // `split` puts the captured key characters at odd indexes.
    return node.value
      .split(gfmAddressKey)
      .flatMap((part, index): RootContent[] => (index % 2 ? [raw(mdxExpression(part))] : part ? [{ type: 'text', value: part }] : []))
  })
}
