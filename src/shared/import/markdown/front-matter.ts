import { parse as parseToml } from 'smol-toml'
import { parseDocument } from 'yaml'
import type { ImportContext } from '../import-context'

export interface SplitFile {
  /** The front matter's fields; empty when the file has none. */
  data: Record<string, unknown>
  body: string
}

// Jekyll and Hugo: a `---` (YAML) or `+++` (TOML) line opens the file and the same line closes the block.
const fences = { yaml: /^---[ \t]*\n/, toml: /^\+\+\+[ \t]*\n/ }
const closers = { yaml: /^(?:---|\.\.\.)[ \t]*$/m, toml: /^\+\+\+[ \t]*$/m }

/** Separates and parses the front matter; a broken one refuses the file with the line that is wrong. */
export function splitFrontMatter(text: string, ctx: ImportContext): SplitFile {
  const kind = fences.yaml.test(text) ? 'yaml' : fences.toml.test(text) ? 'toml' : null
  if (!kind) return { data: {}, body: text }
  const opening = text.indexOf('\n') + 1
  const rest = text.slice(opening)
  const closer = closers[kind].exec(rest)
  const fence = kind === 'yaml' ? '---' : '+++'
  if (!closer) ctx.fail(`the front matter opened by “${fence}” on line 1 is never closed: add a line with “${fence}” after it.`)
  const source = rest.slice(0, closer.index)
  const body = rest.slice(closer.index + closer[0].length).replace(/^\n/, '')
  const data = kind === 'yaml' ? parseYaml(source, ctx) : parseTomlSource(source, ctx)
  if (data === null || data === undefined) {
    ctx.warn(`The file opens with an empty front matter block (two “${fence}” lines): it was read as front matter, not as text or dividers.`)
    return { data: {}, body }
  }
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    ctx.fail('the front matter must be a list of “name: value” lines (for example “title: My post”).')
  }
  return { data: data as Record<string, unknown>, body }
}

/** The reason without the code excerpt the libraries append, and the line counted in the whole file. */
const reasonOf = (message: string): string => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/^Invalid TOML document: /, '')

function parseYaml(source: string, ctx: ImportContext): unknown {
  const document = parseDocument(source, { prettyErrors: true })
  const error = document.errors[0]
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1
    ctx.fail(`the front matter is not valid YAML: ${reasonOf(error.message)} (line ${line}).`)
  }
  try {
    // maxAliasCount stops "billion laughs" alias bombs.
    return document.toJS({ maxAliasCount: 100 })
  } catch (cause) {
    return ctx.fail(`the front matter is not valid YAML: ${reasonOf((cause as Error).message)}.`)
  }
}

function parseTomlSource(source: string, ctx: ImportContext): unknown {
  try {
    return parseToml(source)
  } catch (cause) {
    const line = (cause as { line?: number }).line
    return ctx.fail(`the front matter is not valid TOML: ${reasonOf((cause as Error).message)}${line ? ` (line ${line + 1})` : ''}.`)
  }
}
