import type { Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { append } from '../append'
import { dropPositions } from '../drop-positions'
import type { ImportContext } from '../import-context'

const parser = unified().use(remarkParse).use(remarkGfm)

/**
 * micromark's cost grows faster than the input (a 10 MB post took minutes and
 * gigabytes in one piece), so large files are parsed in pieces cut where no
 * Markdown block can continue: a blank line, then a line at the margin that
 * does not continue a list, outside fenced code and multi-line HTML.
 */
const CHUNK_SIZE = 64 * 1024
/**
 * What cannot be cut (one table, list or quote) is refused past this size,
 * and files past this many lines: container lines cost micromark about a
 * hundred times what prose does, so these bound a 20 MB file to tens of seconds.
 */
const MAX_BLOCK_SIZE = 512 * 1024
const MAX_LINES = 200_000

export function parseMarkdown(text: string, ctx: ImportContext, chunkSize = CHUNK_SIZE): Root {
  const lines = lineCount(text)
  if (lines > MAX_LINES) ctx.fail(`it has ${lines.toLocaleString('en-US')} lines; Copydesk imports Markdown of up to ${MAX_LINES.toLocaleString('en-US')} lines.`)
  const chunks = splitAtBlockBoundaries(text, chunkSize)
  if (chunks.some((chunk) => chunk.length > MAX_BLOCK_SIZE)) {
    ctx.fail(`it has a single table, list or quote of more than ${MAX_BLOCK_SIZE / 1024} KB with no blank line to cut it at; split it to import the file.`)
  }
  if (chunks.length === 1) return parser.parse(text)
  const definitions = referenceDefinitions(text)
  const children: RootContent[] = []
  for (const chunk of chunks) {
    // A reference link finds its definition in the whole file; give each piece the ones it uses.
    const used = new Set([...chunk.matchAll(/\[([^\]\n]{1,999})\]/g)].map((match) => normalizeLabel(match[1]!)))
    const prelude = definitions.filter((definition) => used.has(definition.label)).map((definition) => definition.line)
    const tree = parser.parse(prelude.length ? `${prelude.join('\n')}\n\n${chunk}` : chunk)
    // Positions would only point into one piece, and are a third of a large tree's memory.
    dropPositions(tree)
    append(children, tree.children)
  }
  return { type: 'root', children }
}

function lineCount(text: string): number {
  let count = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
  return count
}

const normalizeLabel = (label: string): string => label.replace(/\s+/g, ' ').trim().toLowerCase()

/** Single-line `[label]: url "title"` definitions. */
function referenceDefinitions(text: string): { label: string; line: string }[] {
  return [...text.matchAll(/^ {0,3}\[((?!\^)[^\]\n]{1,999})\]:[ \t]*\S.*$/gm)].map((match) => ({ label: normalizeLabel(match[1]!), line: match[0] }))
}

const listItemStart = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/
// CommonMark HTML blocks 1 to 5 run past blank lines until their end marker.
const htmlBlocks: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]

function splitAtBlockBoundaries(text: string, chunkSize: number): string[] {
  if (text.length <= chunkSize) return [text]
  const lines = text.split('\n')
  const chunks: string[] = []
  let start = 0
  let size = 0
  let until: RegExp | null = null
  let previousBlank = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (until) {
      if (until.test(line)) until = null
    } else {
      if (previousBlank && size >= chunkSize && /^\S/.test(line) && !listItemStart.test(line)) {
        chunks.push(lines.slice(start, i).join('\n'))
        start = i
        size = 0
      }
      const fence = fenceOpen.exec(line)
      if (fence) until = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}\\s*$`)
      else {
        const html = htmlBlocks.find(([open]) => open.test(line))
        // An HTML block that ends on its opening line leaves nothing open.
        if (html && !html[1].test(line.replace(html[0], ''))) until = html[1]
      }
    }
    previousBlank = line.trim() === ''
    size += line.length + 1
  }
  chunks.push(lines.slice(start).join('\n'))
  return chunks
}
