import { toHtml } from 'hast-util-to-html'
import type { Definition, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { htmlFragmentToMdast } from '../html/hast-to-mdast'
import type { ImportContext } from '../import-context'
import { append } from '../append'

/**
 * Raw HTML in Markdown goes through the HTML importer's sanitizer and
 * converter: an HTML block is parsed on its own; a paragraph with inline tags
 * (`<b>`, `<img onerror>`) is written back to HTML with its tags and parsed as
 * a whole, so opening and closing tags find each other. A `<details>` block
 * whose answer is Markdown between `<details><summary>…` and `</details>`
 * becomes an FAQ item.
 */
export function readRawHtml(root: Root, ctx: ImportContext): void {
  const definitions: Definition[] = []
  const collect = (node: RootContent | Root): void => {
    if (node.type === 'definition') definitions.push(node)
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(root)
  if (containsTags(root)) ctx.warn('Raw HTML in the Markdown was read into the article’s own blocks and formatting, not kept as HTML: its attributes and layout were left out.')
  resolveContainer(root, { ctx, definitions })
}

/** Raw HTML other than comments, which are said on their own. */
const containsTags = (node: RootContent | Root): boolean =>
  (node.type === 'html' && /<(?!!--)[^>]*>?/.test(node.value)) || ('children' in node && node.children.some(containsTags))

interface HtmlEnv {
  ctx: ImportContext
  /** Reference links in a paragraph rebuilt as HTML still need their definitions. */
  definitions: Definition[]
}

const containsHtml = (node: RootContent): boolean => node.type === 'html' || ('children' in node && (node.children as RootContent[]).some(containsHtml))
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0
const opensDetails = (html: string): boolean => count(html, /<details[\s>]/gi) > count(html, /<\/details\s*>/gi)

function resolveContainer(node: Parent, env: HtmlEnv): void {
  node.children = resolveFlow(node.children, env)
}

function resolveFlow(children: readonly RootContent[], env: HtmlEnv): RootContent[] {
  const queue = [...children]
  const out: RootContent[] = []
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!
    if (node.type === 'html') {
      const close = opensDetails(node.value) ? queue.findIndex((other, k) => k > i && other.type === 'html' && /<\/details\s*>/i.test(other.value)) : -1
      if (close < 0) {
        append(out, htmlFragmentToMdast(node.value, env.ctx))
        continue
      }
      const closing = (queue[close] as { value: string }).value
      const cut = closing.search(/<\/details\s*>/i)
      const opened = htmlFragmentToMdast(`${node.value}</details>`, env.ctx)
      const answer = [...resolveFlow(queue.slice(i + 1, close), env), ...htmlFragmentToMdast(closing.slice(0, cut), env.ctx)]
      const item = opened.findLast((block) => block.type === 'importedFaq')?.children.at(-1)
      append(item ? item.children : opened, answer)
      append(out, opened)
      // Whatever follows `</details>` in that block (often the next `<details>`) is read in turn.
      queue[close] = { type: 'html', value: closing.slice(cut).replace(/^<\/details\s*>/i, '') }
      i = close - 1
      continue
    }
    if (!containsHtml(node)) {
      out.push(node)
      continue
    }
    switch (node.type) {
      case 'paragraph':
        append(out, viaHtml(node.children, env))
        break
      case 'heading':
        out.push({ ...node, children: phrasingOf(viaHtml(node.children, env)) })
        break
      case 'table':
        for (const row of node.children) for (const cell of row.children) cell.children = phrasingOf(viaHtml(cell.children, env))
        out.push(node)
        break
      case 'list':
        for (const item of node.children) resolveContainer(item, env)
        out.push(node)
        break
      default:
        if ('children' in node) resolveContainer(node as Parent, env)
        out.push(node)
    }
  }
  return out
}

function viaHtml(children: PhrasingContent[], env: HtmlEnv): RootContent[] {
  const hast = toHast({ type: 'root', children: [{ type: 'paragraph', children }, ...env.definitions] }, { allowDangerousHtml: true })
  return htmlFragmentToMdast(toHtml(hast, { allowDangerousHtml: true }), env.ctx)
}

/** Headings and table cells hold one line: the rebuilt blocks' text and images, run together. */
function phrasingOf(blocks: RootContent[]): PhrasingContent[] {
  return blocks.flatMap((block): PhrasingContent[] => {
    if (block.type === 'paragraph' || block.type === 'heading') return block.children
    return 'children' in block ? phrasingOf(block.children as RootContent[]) : []
  })
}
