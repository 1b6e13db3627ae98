import type { Definition, PhrasingContent } from 'mdast'
import type { Mark } from '@tiptap/pm/model'
import type { BodyNode } from '../../article/body'
import { isSafeLinkUrl, urlScheme } from '../../article/urls'
import { articleSchema } from '../../schema/extensions'
import { MAX_NESTED_DEPTH } from '../../schema/nested-marks'
import type { ImportContext } from '../import-context'
import { oneLine, textOf } from '../text-of'

export interface ConvertEnv {
  ctx: ImportContext
  /** Link reference definitions by identifier, for `[text][ref]` links. */
  definitions: ReadonlyMap<string, Definition>
}

function markType(name: string) {
  const type = articleSchema.marks[name]
  if (!type) throw new Error(`The article schema has no ${name} mark.`)
  return type
}
const bold = markType('bold').create()
const italic = markType('italic').create()
const nestedOf = new Map([
  [bold, markType('nestedBold')],
  [italic, markType('nestedItalic')]
])
const strike = markType('strike').create()
const underline = markType('underline').create()
const code = markType('code').create()
const link = markType('link')

/** The scheme as the writer would recognise it ("javascript", "data"), read the way isSafeLinkUrl reads it: controls and spaces ignored. */
const schemeOf = (url: string): string => urlScheme(url) || 'unknown'
const quoted = (text: string): string => {
  const line = oneLine(text)
  return line.length > 60 ? `“${line.slice(0, 57)}…”` : `“${line}”`
}

/**
 * Phrasing content → Tiptap text, hard breaks and inline images (the caller
 * makes an image alone in its paragraph a block image). Marks are combined
 * through the schema so their order is the one the editor uses.
 */
export function inlineToBody(nodes: readonly PhrasingContent[], env: ConvertEnv): BodyNode[] {
  const out: BodyNode[] = []
  for (const node of nodes) appendInline(node, [], env, out)
  return out
}

function appendInline(node: PhrasingContent, marks: readonly Mark[], env: ConvertEnv, out: BodyNode[]): void {
  const all = (children: readonly PhrasingContent[], withMarks: readonly Mark[]): void => {
    for (const child of children) appendInline(child, withMarks, env, out)
  }
  switch (node.type) {
    case 'text':
      // Markdown's soft line breaks are spaces once the paragraph is reflowed.
      return pushText(out, node.value.replace(/[ \t]*\n[ \t]*/g, ' '), marks)
    case 'inlineCode':
      // Spaces inside a code span are its content (`` ` a` ``); only line endings were layout.
      return pushText(out, node.value.replace(/\n/g, ' '), code.addToSet(marks))
    case 'strong':
      return all(node.children, nest(bold, marks, 'Bold', env))
    case 'emphasis':
      return all(node.children, nest(italic, marks, 'Italic', env))
    case 'delete':
      return all(node.children, nest(strike, marks, 'Strikethrough', env))
    case 'underline' as PhrasingContent['type']:
      return all((node as unknown as { children: PhrasingContent[] }).children, nest(underline, marks, 'Underline', env))
    case 'break':
      out.push({ type: 'hardBreak' })
      return
    case 'link':
      return all(node.children, linkMarks(node.url, node.title, textOf(node), marks, env))
    case 'linkReference': {
      const definition = env.definitions.get(node.identifier)
      if (!definition) return pushText(out, `[${textOf(node)}]`, marks)
      return all(node.children, linkMarks(definition.url, definition.title, textOf(node), marks, env))
    }
    case 'image':
      return pushImage(out, node.url, node.alt, node.title, marks, env)
    case 'imageReference': {
      const definition = env.definitions.get(node.identifier)
      if (!definition) return pushText(out, `![${node.alt ?? ''}]`, marks)
      return pushImage(out, definition.url, node.alt, definition.title, marks, env)
    }
    case 'footnoteReference':
      return pushText(out, `[${node.label ?? node.identifier}]`, marks)
    case 'html':
      // Raw HTML was read (and what it dropped said) before conversion; what is left here is a comment.
      return
    default: {
      // Phrasing that other code declares on mdast (an underline, say): keep its text.
      const other = node as { children?: PhrasingContent[]; value?: unknown }
      if (other.children) all(other.children, marks)
      else if (typeof other.value === 'string') pushText(out, other.value, marks)
    }
  }
}

/**
 * Bold inside bold (and italic inside italic) is kept up to three deep with
 * the nested mark, as renderers show it; other marks are on or off for each
 * character, so strikethrough inside strikethrough reads as one.
 */
function nest(mark: Mark, marks: readonly Mark[], name: string, env: ConvertEnv): readonly Mark[] {
  if (!mark.isInSet(marks)) return mark.addToSet(marks)
  const nested = nestedOf.get(mark)
  const depth = nested ? Number(nested.isInSet(marks)?.attrs['depth'] ?? 1) + 1 : Infinity
  if (nested && depth <= MAX_NESTED_DEPTH) return nested.create({ depth }).addToSet(marks)
  const times = nested ? `more than ${MAX_NESTED_DEPTH} times over` : 'inside itself'
  env.ctx.warn(`${name} text ${times} became one ${name.toLowerCase()} run: an article holds it ${nested ? `at most ${MAX_NESTED_DEPTH} deep` : 'once'}.`)
  return marks
}

function linkMarks(url: string, title: string | null | undefined, text: string, marks: readonly Mark[], env: ConvertEnv): readonly Mark[] {
  if (url.trim() === '') {
    env.ctx.warn(text.trim() ? `A link without an address was kept as plain text: ${quoted(text)}.` : 'A link with neither text nor address was left out.')
    return marks
  }
  if (text === '') env.ctx.warn(`A link to “${url.slice(0, 80)}” with no text was left out: a link needs words to click.`)
  if (!isSafeLinkUrl(url)) {
    env.ctx.warn(`A link to a “${schemeOf(url)}:” address was turned into plain text: ${quoted(text)}.`)
    return marks
  }
  // Target and rel are decided at export time (sponsored, external), not stored with the link.
  return link.create({ href: url, target: null, rel: null, class: null, title: title || null }).addToSet(marks)
}

function pushImage(out: BodyNode[], url: string, alt: string | null | undefined, title: string | null | undefined, marks: readonly Mark[], env: ConvertEnv): void {
  if (url.trim() === '') {
    env.ctx.warn(`An image without an address was left out${alt ? `: ${quoted(alt)}` : ''}.`)
    return
  }
  if (!isSafeLinkUrl(url) || /^(?:mailto|tel):/i.test(url.trim())) {
    env.ctx.warn(`An image with a “${schemeOf(url)}:” address was left out${alt ? `: ${quoted(alt)}` : ''}.`)
    return
  }
  const json = marksJson(marks)
  out.push({ type: 'inlineImage', attrs: { src: url, alt: alt || null, title: title || null }, ...(json ? { marks: json } : {}) })
}

const marksJson = (marks: readonly Mark[]): BodyNode['marks'] =>
  marks.length ? marks.map((mark) => mark.toJSON() as { type: string; attrs?: Record<string, unknown> }) : undefined

function pushText(out: BodyNode[], text: string, marks: readonly Mark[]): void {
  if (text === '') return
  const json = marksJson(marks)
  const previous = out.at(-1)
  if (previous?.type === 'text' && JSON.stringify(previous.marks) === JSON.stringify(json)) {
    previous.text += text
    return
  }
  out.push(json ? { type: 'text', text, marks: json } : { type: 'text', text })
}
