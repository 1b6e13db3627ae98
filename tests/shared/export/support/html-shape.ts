import type { ElementContent, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'

/** What readers get from HTML: elements, their meaningful attributes and text with whitespace collapsed. */
export type Shape = string | { tag: string; attrs: Record<string, string>; children: Shape[] }

const keptAttributes = ['href', 'src', 'alt', 'title', 'start']
const blocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'section', 'aside', 'div', 'article', 'header', 'hr', 'pre'])

export const parseHtml = (html: string): Root => unified().use(rehypeParse, { fragment: true }).parse(html)

function shapeChildren(nodes: readonly (RootContent | ElementContent)[], inPre: boolean, block: boolean): Shape[] {
  const out: Shape[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      const value = inPre ? node.value : node.value.replace(/\s+/g, ' ')
      if (typeof out.at(-1) === 'string') out[out.length - 1] += value
      else out.push(value)
    } else if (node.type === 'element' && node.tagName !== 'script') {
      const attrs: Record<string, string> = {}
      for (const name of keptAttributes) {
        const value = node.properties[name]
        if (value !== undefined && value !== null) attrs[name] = String(value)
      }
      out.push({ tag: node.tagName, attrs, children: shapeChildren(node.children, inPre || node.tagName === 'pre', blocks.has(node.tagName)) })
    }
  }
  if (inPre) return out
  // Whitespace next to block boundaries is not content.
  const trimmed = out.map((item, index) => {
    if (typeof item !== 'string') return item
    let value = item
    const previous = out[index - 1]
    const next = out[index + 1]
    if ((block && index === 0) || (typeof previous === 'object' && blocks.has(previous.tag))) value = value.trimStart()
    if ((block && index === out.length - 1) || (typeof next === 'object' && blocks.has(next.tag))) value = value.trimEnd()
    return value
  })
  return trimmed.filter((item) => item !== '')
}

export const htmlShape = (html: string | Root): Shape[] => {
  const root = typeof html === 'string' ? parseHtml(html) : html
  return shapeChildren(root.children, false, true)
}

/** The body of the HTML export's `<article>`: everything after its header. */
export function articleBodyShape(html: string): Shape[] {
  const article = htmlShape(html).find((node): node is Exclude<Shape, string> => typeof node === 'object' && node.tag === 'article')
  if (!article) throw new Error('no <article> in the HTML export')
  return article.children.filter((node) => typeof node === 'string' || node.tag !== 'header')
}
