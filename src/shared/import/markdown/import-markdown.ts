import type { Root } from 'mdast'
import type { EditableFields } from '../../article/article'
import { fitText, limits } from '../field-limits'
import type { ImportContext } from '../import-context'
import { checkDepth } from '../mdast/to-body'
import { oneLine, textOf } from '../text-of'
import { fieldsFromFrontMatter } from './front-matter-fields'
import { splitFrontMatter } from './front-matter'
import { parseMarkdown } from './parse-markdown'
import { readRawHtml } from './raw-html'
import { applyTemplateTags, restoreWrittenText } from './tag-blocks'
import { prepareMarkdown } from './template-tags'

export interface MarkdownArticle {
  fields: Partial<EditableFields>
  /** The body, FAQ sections still to be gathered. */
  mdast: Root
}

/** Markdown as Hugo, Jekyll and Astro keep it: front matter, template tags, raw HTML. */
export function readMarkdownFile(fileName: string, text: string, ctx: ImportContext): MarkdownArticle {
  const { data, body } = splitFrontMatter(text, ctx)
  const { fields, faqData } = fieldsFromFrontMatter(data, fileName, ctx)
  const prepared = prepareMarkdown(body, /\.mdx$/i.test(fileName))
  const root = parseMarkdown(prepared.source, ctx)
  checkDepth(root, ctx)
  root.children = applyTemplateTags(root.children, {
    ctx,
    tags: prepared.tags,
    faqData,
    parseMarkdown: (answer) => parseMarkdown(answer, ctx).children
  })
  restoreWrittenText(root, prepared.tags)
  readRawHtml(root, ctx)
  takeTitleHeading(root, fields, ctx)
  return { fields, mdast: root }
}

/**
 * A leading `# Title` is the title when the front matter has none, and a
 * repeat of it when the front matter has the same one: either way it leaves
 * the body, whose headings start at H2.
 */
function takeTitleHeading(root: Root, fields: Partial<EditableFields>, ctx: ImportContext): void {
  const first = root.children[0]
  if (first?.type !== 'heading' || first.depth !== 1) return
  const text = oneLine(textOf(first))
  if (fields.title && fields.title !== text) return
  root.children.shift()
  if (first.children.some((child) => child.type !== 'text')) {
    ctx.warn(`The title “${text.slice(0, 80)}” was taken from the first heading as plain text: its formatting and links were left out.`)
  }
  fields.title ??= fitText(text, limits.title, 'title', ctx)
}
