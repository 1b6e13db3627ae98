import type { Root as HastRoot } from 'hast'
import { toMdast } from 'hast-util-to-mdast'
import type { Root, RootContent } from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeSanitize from 'rehype-sanitize'
import { unified } from 'unified'
import type { ImportContext } from '../import-context'
import { dropPositions } from '../drop-positions'
import { faqHandlers } from './faq-markup'
import { depthOf, elementsOf, narrowWideElements } from './hast-tools'
import { importSanitizeSchema } from './sanitize-schema'

const MAX_HTML_DEPTH = 500

const documentParser = unified().use(rehypeParse)
const fragmentParser = unified().use(rehypeParse, { fragment: true })
const sanitizer = unified().use(rehypeSanitize, importSanitizeSchema)

/** Parses a whole page; refuses nesting too deep to walk safely. */
export function parseHtmlDocument(html: string, ctx: ImportContext): HastRoot {
  const tree = documentParser.parse(html)
  if (depthOf(tree) > MAX_HTML_DEPTH) ctx.fail(`the HTML is nested more than ${MAX_HTML_DEPTH} elements deep.`)
  dropPositions(tree)
  return tree
}

/** Elements the converter turns into article nodes and marks; raw HTML's other elements leave only their text. */
const heldElements = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'em', 'i', 'strong', 'b', 'del', 's', 'strike', 'code', 'pre', 'u',
  'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'br', 'hr', 'details', 'summary'
])

/** Raw HTML inside Markdown, through the same sanitizer and converter as HTML files; what it cannot hold is named. */
export function htmlFragmentToMdast(html: string, ctx: ImportContext): RootContent[] {
  const tree = fragmentParser.parse(html)
  if (depthOf(tree) > MAX_HTML_DEPTH) ctx.fail(`its HTML is nested more than ${MAX_HTML_DEPTH} elements deep.`)
  reportUnheld(tree, ctx)
  return hastToMdast(tree, ctx).children
}

function reportUnheld(tree: HastRoot, ctx: ImportContext): void {
  const stack: HastRoot['children'] = [...tree.children]
  while (stack.length) {
    const node = stack.pop()!
    // The HTML parser reads <?…?>, <!…> and CDATA in text as comments too.
    if (node.type === 'comment') ctx.warn('An HTML comment (or <?…?> or <!…> markup) in the Markdown was left out.')
    if (node.type !== 'element') continue
    if (!heldElements.has(node.tagName)) ctx.warn(`The raw HTML element <${node.tagName}> was left out; an article has no such element (its text, if any, was kept).`)
    stack.push(...node.children)
  }
}

/** Sanitizes, then converts to mdast with Copydesk's FAQ markup read into FAQ blocks. */
export function hastToMdast(tree: HastRoot, ctx: ImportContext): Root {
  reportRemoved(tree, ctx)
  narrowWideElements(tree)
  const clean = sanitizer.runSync(tree) as HastRoot
  return toMdast(clean, { handlers: faqHandlers, document: true }) as Root
}

/** Notes what sanitizing takes away that could have run: scripts, embedded frames, event handlers. */
function reportRemoved(tree: HastRoot, ctx: ImportContext): void {
  for (const element of elementsOf(tree)) {
    if (element.tagName === 'script') ctx.noteRemoved('script')
    else if (['iframe', 'frame', 'object', 'embed', 'applet'].includes(element.tagName)) ctx.noteRemoved('frame')
    const handlers = Object.keys(element.properties).filter((name) => /^on[a-z]/i.test(name)).length
    if (handlers) ctx.noteRemoved('handler', handlers)
  }
}
