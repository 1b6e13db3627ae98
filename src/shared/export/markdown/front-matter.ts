import { stringify } from 'yaml'

/**
 * YAML front matter between `---` lines, written by the yaml library so any
 * title (colons, quotes, `#`, newlines, a leading `-` or `@`) reads back as
 * the same string. YAML 1.1 rules decide the quoting because Jekyll's and
 * Hugo's parsers still follow them: "yes", "on" or "2025-10-22" as a title
 * stay strings there too. Keys are written in the order given.
 */
export function frontMatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })}---\n`
}
