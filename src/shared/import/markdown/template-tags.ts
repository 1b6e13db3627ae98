/**
 * Static-site template tags on their own line: Hugo shortcodes
 * (`{{< faq >}}`, `{{% x %}}`), Jekyll Liquid (`{% include faq.html %}`) and,
 * in MDX, component tags (`<CopydeskFaq …>`). Markdown would mangle them
 * (`_` as emphasis, `</Tag>` as HTML), so before parsing each tag line is
 * swapped for a placeholder paragraph and the tag kept aside, parsed here.
 */
export interface TemplateTag {
  /** Normalized: "copydesk/faq.html", "CopydeskFaq" and "faq" are all "faq". */
  name: string
  closing: boolean
  selfClosing: boolean
  params: ReadonlyMap<string, string>
  positional: readonly string[]
  /** The line as written, put back where a tag cannot be used. */
  source: string
}

export interface PreparedMarkdown {
  source: string
  tags: TemplateTag[]
}

const PLACEHOLDER = '\uE000'

const hugoTag = /^\{\{([<%])-?\s*(\/)?\s*([\w./-]+)([\s\S]*?)\s*(\/)?\s*-?[>%]\}\}$/
const liquidTag = /^\{%-?\s*([\w/.-]+)([\s\S]*?)-?%\}$/
const jsxTag = /^<(\/)?([A-Z][\w.]*)(\s[\s\S]*?)?\s*(\/)?>$/
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/
const mdxModuleLine = /^(?:import|export)\s/

/**
 * Swaps tag lines for placeholders, turns `highlight` tags into fenced code
 * and drops MDX import/export lines. Code blocks are left alone.
 */
export function prepareMarkdown(text: string, mdx: boolean): PreparedMarkdown {
  const tags: TemplateTag[] = []
  const out: string[] = []
  let fenceEnd: RegExp | null = null
  let highlight = false
  for (const line of text.split('\n')) {
    if (fenceEnd) {
      out.push(line)
      if (fenceEnd.test(line)) fenceEnd = null
      continue
    }
    const tag = /^ {0,3}\S/.test(line) ? parseTag(line.trim(), mdx) : null
    if (highlight) {
      if (tag?.name === 'highlight' && tag.closing) {
        out.push('~~~~~~')
        highlight = false
      } else out.push(line)
      continue
    }
    const opened = fenceOpen.exec(line)
    if (opened) {
      const fence = opened[1]!
      fenceEnd = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
      out.push(line)
    } else if (tag?.name === 'highlight' && !tag.closing) {
      out.push(`~~~~~~${tag.positional[0] ?? ''}`)
      highlight = true
    } else if (tag) {
      out.push('', `${PLACEHOLDER}${tags.length}${PLACEHOLDER}`, '')
      tags.push(tag)
    } else if (!(mdx && mdxModuleLine.test(line))) out.push(line)
  }
  return { source: out.join('\n'), tags }
}

function parseTag(source: string, mdx: boolean): TemplateTag | null {
  const hugo = hugoTag.exec(source)
  if (hugo) return tag(hugo[3]!, Boolean(hugo[2]), Boolean(hugo[5]), hugo[4] ?? '', source)
  const liquid = liquidTag.exec(source)
  if (liquid) {
    const word = liquid[1]!.toLowerCase()
    if (word === 'include' || word === 'include_relative') {
      const [, path = '', args = ''] = /^\s*(\S+)([\s\S]*)$/.exec(liquid[2]!) ?? []
      return tag(path, false, true, args, source)
    }
    if (word.startsWith('end')) return tag(word.slice(3), true, false, '', source)
    return tag(word, false, false, liquid[2]!, source)
  }
  const jsx = mdx ? jsxTag.exec(source) : null
  if (jsx) return tag(jsx[2]!, Boolean(jsx[1]), Boolean(jsx[4]), jsx[3] ?? '', source)
  return null
}

function tag(rawName: string, closing: boolean, selfClosing: boolean, args: string, source: string): TemplateTag {
  const name = rawName
    .replace(/^.*\//, '')
    .replace(/\.\w+$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/^copydesk-/, '')
  return { name, closing, selfClosing, ...parseParams(args), source }
}

// name="text", name='text', name=`text`, name={expression}, name=word, or the same without a name.
const paramPattern = /(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|\{((?:[^{}]|\{[^{}]*\})*)\}|([^\s"'`{}=/]+))/g

function parseParams(args: string): { params: Map<string, string>; positional: string[] } {
  const params = new Map<string, string>()
  const positional: string[] = []
  for (const match of args.matchAll(paramPattern)) {
    const [, key, doubleQuoted, singleQuoted, backticked, expression, bare] = match
    const value = doubleQuoted !== undefined ? unescapeQuoted(doubleQuoted) : (singleQuoted ?? backticked ?? (expression !== undefined ? expressionValue(expression) : bare) ?? '')
    if (key) params.set(key.toLowerCase(), value)
    else positional.push(value)
  }
  return { params, positional }
}

function unescapeQuoted(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string
  } catch {
    return text
  }
}

/** MDX attribute expressions: a JSON literal (`{"How…?"}`, `{0}`) is its value; anything else stays as written. */
function expressionValue(expression: string): string {
  try {
    const value: unknown = JSON.parse(expression)
    return typeof value === 'string' ? value : JSON.stringify(value)
  } catch {
    return expression.trim()
  }
}

export const placeholderIndex = (text: string): number | null => {
  const match = /^\uE000(\d+)\uE000$/.exec(text.trim())
  return match ? Number(match[1]) : null
}
