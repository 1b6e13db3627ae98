import type { Nodes, RootContent } from 'mdast'
import { idSchema } from '../../article/article'
import { append } from '../append'
import type { ImportContext } from '../import-context'
import { readSection } from '../mdast/faq-sections'
import { faqItem, faqNode, type ImportedFaq, type ImportedFaqItem } from '../mdast/import-nodes'
import { textOf } from '../text-of'
import { placeholderIndex, type TemplateTag } from './template-tags'

export interface TagEnv {
  ctx: ImportContext
  tags: readonly TemplateTag[]
  /** The front matter's `faq`: what Copydesk's Hugo and Jekyll FAQ tags point to by index. */
  faqData: unknown
  /** Parses Markdown held in front matter (FAQ answers) into blocks. */
  parseMarkdown(text: string): RootContent[]
}

interface FaqDataBlock {
  title: string | null
  items: { question: string; answer: string }[]
}

const tagAt = (node: RootContent | undefined, env: TagEnv): TemplateTag | null => {
  if (node?.type !== 'paragraph' || node.children.length !== 1) return null
  const index = placeholderIndex(textOf(node))
  return index === null ? null : (env.tags[index] ?? null)
}
const param = (tag: TemplateTag, ...names: string[]): string | undefined =>
  names.map((name) => tag.params.get(name)).find((value) => value !== undefined) ?? tag.positional[0]

/**
 * Replaces the tag placeholders by what they stand for: FAQ blocks (paired
 * tags around questions, or Copydesk's `faq` tag pointing into the front
 * matter), promo slots, figures and video links. Other tags are left out
 * with a warning; a tag Copydesk cannot place anywhere else is put back as text.
 */
export function applyTemplateTags(nodes: readonly RootContent[], env: TagEnv): RootContent[] {
  const dataBlocks = faqDataBlocks(env)
  const usedData = new Set<number>()
  const out: RootContent[] = []
  let faqCount = 0
  for (let i = 0; i < nodes.length; i++) {
    const tag = tagAt(nodes[i], env)
    if (!tag) {
      out.push(nodes[i]!)
      continue
    }
    if (tag.closing || ['raw', 'comment', 'faq-item'].includes(tag.name)) continue
    if (tag.name === 'faq') {
      const index = Number(tag.params.get('index') ?? faqCount)
      faqCount = index + 1
      const end = tag.selfClosing ? -1 : closingIndex(nodes, i + 1, 'faq', env)
      if (end >= 0) {
        append(out, faqFromInner(tag, nodes.slice(i + 1, end), env))
        i = end
      } else if (dataBlocks[index]) {
        usedData.add(index)
        out.push(faqFromData(dataBlocks[index], env))
      } else env.ctx.warn(`The FAQ tag “${tag.source}” has no questions with it (none in the front matter either); it was left out.`)
      continue
    }
    append(out, simpleTag(tag, env))
  }
  const unplaced = dataBlocks.filter((_, index) => !usedData.has(index))
  if (unplaced.length) {
    env.ctx.warn('The FAQ from the front matter had no place in the text; it was added at the end of the article.')
    append(out, unplaced.map((block) => faqFromData(block, env)))
  }
  return out
}

function closingIndex(nodes: readonly RootContent[], from: number, name: string, env: TagEnv): number {
  for (let i = from; i < nodes.length; i++) {
    const tag = tagAt(nodes[i], env)
    if (tag?.name === name) return tag.closing ? i : -1
  }
  return -1
}

/** Between paired FAQ tags: item tags with a question each, or questions written out like an FAQ section. */
function faqFromInner(tag: TemplateTag, inner: RootContent[], env: TagEnv): RootContent[] {
  const title = tag.params.get('title') ?? null
  const items: ImportedFaqItem[] = []
  for (const node of inner) {
    const itemTag = tagAt(node, env)
    if (itemTag?.name === 'faq-item') {
      if (!itemTag.closing) items.push(faqItem(param(itemTag, 'question', 'q') ?? '', []))
    } else if (items.length && !itemTag) items.at(-1)!.children.push(node)
  }
  if (items.length) return [faqNode(title, items)]
  const section = readSection(0, inner, 0)
  if (section) return [...section.intro, faqNode(title, section.items), ...inner.slice(section.end)]
  env.ctx.warn(`No questions were found inside “${tag.source}”; its text was kept as it is.`)
  return inner
}

function faqFromData(block: FaqDataBlock, env: TagEnv): ImportedFaq {
  return faqNode(
    block.title,
    block.items.map((item) => faqItem(item.question, env.parseMarkdown(item.answer)))
  )
}

/**
 * Copydesk writes `faq: [{title, items: [{question, answer}]}]`; a plain list
 * of `{question, answer}` is read as one block. Anything else is ignored with a
 * warning: the article text is still worth importing.
 */
function faqDataBlocks(env: TagEnv): FaqDataBlock[] {
  const data = env.faqData
  if (data === null || data === undefined) return []
  const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null)
  const readItems = (list: unknown): FaqDataBlock['items'] | null => {
    if (!Array.isArray(list)) return null
    const items = list.map((entry) => {
      const item = record(entry)
      const question = item?.['question'] ?? item?.['q']
      const answer = item?.['answer'] ?? item?.['a'] ?? ''
      return typeof question === 'string' && typeof answer === 'string' ? { question, answer } : null
    })
    return items.every((item) => item !== null) ? (items as FaqDataBlock['items']) : null
  }
  const list = Array.isArray(data) ? data : [data]
  const flat = readItems(list)
  if (flat) return [{ title: null, items: flat }]
  const blocks = list.map((entry) => {
    const block = record(entry)
    const items = readItems(block?.['items'])
    return items ? { title: typeof block?.['title'] === 'string' ? block['title'] : null, items } : null
  })
  if (blocks.every((block) => block !== null)) return blocks as FaqDataBlock[]
  env.ctx.warn('The “faq” in the front matter is not a list of questions and answers; it was ignored.')
  return []
}

function simpleTag(tag: TemplateTag, env: TagEnv): RootContent[] {
  switch (tag.name) {
    case 'promo':
    case 'promo-slot': {
      // Hugo and Jekyll name the promo by id; MDX by its key in the front matter: promos["id"].
      const id = tag.params.get('id') ?? /promos\["([^"]+)"\]/.exec(tag.params.get('promo') ?? '')?.[1]
      if (id && idSchema.safeParse(id).success) return [{ type: 'importedPromo', promoId: id }]
      env.ctx.warn(`The promo tag “${tag.source}” does not name a Copydesk promo; it was left out.`)
      return []
    }
    case 'figure': {
      const url = tag.params.get('src') ?? ''
      const caption = tag.params.get('caption') ?? tag.params.get('title')
      return [{ type: 'paragraph', children: [{ type: 'image', url, alt: tag.params.get('alt') ?? caption ?? null, title: caption ?? null }] }]
    }
    case 'youtube':
    case 'vimeo': {
      const id = param(tag, 'id')
      if (!id || !/^[\w-]+$/.test(id)) break
      const url = tag.name === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : `https://vimeo.com/${id}`
      return [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: url }] }] }]
    }
  }
  env.ctx.warn(`The template tag “${tag.source}” was left out: Copydesk has no block for it.`)
  return []
}

/**
 * Puts back the text as it was written: tags left where no block can go
 * (inside a list item) and, in code, the escapes Copydesk's export adds so
 * Hugo and Jekyll show template syntax instead of running it.
 */
export function restoreWrittenText(node: Nodes, tags: readonly TemplateTag[]): void {
  if (node.type === 'text') node.value = node.value.replace(/\uE000(\d+)\uE000/g, (_, index: string) => tags[Number(index)]?.source ?? '')
  if (node.type === 'code' || node.type === 'inlineCode') {
    node.value = node.value.replace(/\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g, '{{$1$2$3}}').replace(/\{\u200b(?=[{%<])/g, '{')
  }
  if ('children' in node) for (const child of node.children) restoreWrittenText(child, tags)
}
