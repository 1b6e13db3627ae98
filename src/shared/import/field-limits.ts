import type { ImportContext } from './import-context'
import { oneLine } from './text-of'

/** The limits of articleMetaSchema; the import tests check every result against the schema itself. */
export const limits = {
  title: 300,
  dek: 1000,
  description: 1000,
  category: 200,
  author: 200,
  authors: 20,
  tag: 100,
  tags: 50
} as const

/** One line of text within `max` characters; longer text is cut with a warning. */
export function fitText(text: string, max: number, what: string, ctx: ImportContext): string {
  const line = oneLine(text)
  if (line.length <= max) return line
  ctx.warn(`The ${what} was cut to ${max} characters.`)
  return line.slice(0, max).trimEnd()
}

/** Distinct non-empty entries (case-insensitively), each within `maxLength`, at most `maxItems`. */
export function fitList(values: readonly string[], maxItems: number, maxLength: number, what: string, ctx: ImportContext): string[] {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const value of values) {
    const text = fitText(value, maxLength, `${what} “${oneLine(value).slice(0, 40)}”`, ctx)
    if (!text || seen.has(text.toLowerCase())) continue
    seen.add(text.toLowerCase())
    kept.push(text)
  }
  if (kept.length <= maxItems) return kept
  ctx.warn(`Only the first ${maxItems} ${what}s were kept (${kept.length} were given).`)
  return kept.slice(0, maxItems)
}
