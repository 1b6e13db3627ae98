import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Element, ElementContent, RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { Article } from '../../../../src/shared/article/article'
import { exportHtml, exportMarkdown, type ProfileName } from '../../../../src/shared/export'
import { parseImportFile, type ImportedArticle } from '../../../../src/shared/import'
import { UserError } from '../../../../src/shared/ipc/result'
import { makeTempDir } from '../../../support/temp-dir'
import { articleWith, fixtureContext } from './body'
import { parseHtml } from './html-shape'

export interface SpecExample {
  number: number
  section: string
  markdown: string
  /** The spec's own rendering. */
  html: string
}

/** The 652 examples of the CommonMark spec, from the `commonmark-spec` package, with its `→` written as the tab it stands for. */
export const specExamples: readonly SpecExample[] = (createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] }).tests.map((example) => ({
  ...example,
  markdown: example.markdown.replace(/→/g, '\t')
}))

/** GitHub's renderer as GitHub runs it, raw HTML let through so a dropped tag shows as a difference. */
const cmarkArgs = '--unsafe -e autolink -e strikethrough -e table'

export interface RoundTrip {
  example: SpecExample
  /**
   * True for the examples with raw HTML, as issue 17 counts them (79): those
   * of the spec's sections on HTML blocks and raw HTML, and any other in
   * which cmark-gfm reads an HTML block or inline tag.
   */
  rawHtml: boolean
  /** cmark-gfm's rendering of the example, normalized. */
  expected: string
  /** The spec's own rendering, normalized: what a renderer of spec 0.31.2 gives. */
  specExpected: string
  /** cmark-gfm's rendering of Copydesk's export (the title as the page's h1), normalized. */
  actual: string
  /** cmark-gfm's rendering of Copydesk's export alone, without the title, normalized. */
  bodyActual: string
  exported: string
  /** Copydesk's HTML export of the example: the title's h1 and the article's body, normalized. */
  html: string
  /** What the user was told, at import and at the Markdown export. */
  warnings: string[]
  /** What the user was told, at import and at the HTML export. */
  htmlWarnings: string[]
}

/**
 * Imports each example as a Markdown file, exports it with `profile`, and
 * renders the original and the export with cmark-gfm. cmark-gfm is spawned
 * from one shell per batch: a Node spawn per document cost ten times more.
 */
export async function roundTrips(examples: readonly SpecExample[], profile: ProfileName = 'plain'): Promise<RoundTrip[]> {
  const dir = await makeTempDir('copydesk-commonmark-')
  try {
    const exports = examples.map((example) => exportExample(example, profile))
    await mkdir(join(dir.path, 'in'))
    await mkdir(join(dir.path, 'out'))
    await Promise.all(
      examples.flatMap((example, index) => [
        writeFile(join(dir.path, 'in', `${example.number}.md`), example.markdown),
        writeFile(join(dir.path, 'out', `${example.number}.md`), exports[index]!.body)
      ])
    )
    // The XML tree says where cmark-gfm saw raw HTML. Raw HTML, block or inline, always starts with `<`, so only
    // examples with one need that second reading: 118 of the 652, where each cmark-gfm start costs milliseconds.
    const withTag = examples.filter((example) => example.markdown.includes('<'))
    const files = (folder: 'in' | 'out', of: readonly SpecExample[]): string[] => of.map((example) => join(dir.path, folder, `${example.number}.md`))
    const script = `format=$1; shift; for f; do cmark-gfm ${cmarkArgs} -t "$format" "$f" > "\${f%.md}.$format"; done`
    const render = (format: 'html' | 'xml', paths: string[]) => run('sh', ['-c', script, 'sh', format, ...paths])
    // Shells side by side, as the cores allow.
    await Promise.all([render('html', files('in', examples)), render('html', files('out', examples)), render('xml', files('in', withTag))])
    return await Promise.all(
      examples.map(async (example, index) => {
        const { title, body, html, warnings, htmlWarnings } = exports[index]!
        const [original, xml, exported] = await Promise.all([
          readFile(join(dir.path, 'in', `${example.number}.html`), 'utf8'),
          example.markdown.includes('<') ? readFile(join(dir.path, 'in', `${example.number}.xml`), 'utf8') : '',
          readFile(join(dir.path, 'out', `${example.number}.html`), 'utf8')
        ])
        return {
          example,
          rawHtml: rawHtmlSections.has(example.section) || /<html_(?:block|inline)\b/.test(xml),
          expected: normalizeHtml(original),
          specExpected: normalizeHtml(example.html),
          actual: normalizeHtml(`${title ? `<h1>${escapeHtml(title)}</h1>` : ''}${exported}`),
          bodyActual: normalizeHtml(exported),
          exported: body,
          html: normalizeHtml(html),
          warnings,
          htmlWarnings
        }
      })
    )
  } finally {
    await dir.cleanup()
  }
}

const run = promisify(execFile)

/** The spec's sections about raw HTML: every example there counts as raw HTML, even where cmark-gfm reads it as text. */
const rawHtmlSections = new Set(['HTML blocks', 'Raw HTML'])

/** The example imported as a Markdown file, as an article of its own (id and slug from its number), or the import's refusal. */
export function importExample(example: SpecExample): { article: Article; warnings: string[] } | { refused: string } {
  let imported: ImportedArticle
  try {
    // "index.md": a file name the importer takes no title from, so only an H1 in the text makes one.
    imported = parseImportFile('index.md', example.markdown)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return { refused: error.message }
  }
  const id = `0c0ffee0-spec-example-${example.number}`
  const article = articleWith(imported.fields.body!.content, { id, slug: `spec-example-${example.number}`, title: imported.fields.title ?? '', featuredImage: null })
  return { article, warnings: imported.warnings }
}

function exportExample(example: SpecExample, profile: ProfileName): { title: string; body: string; html: string; warnings: string[]; htmlWarnings: string[] } {
  const imported = importExample(example)
  if ('refused' in imported) return { title: '', body: '', html: '', warnings: [imported.refused], htmlWarnings: [imported.refused] }
  const { article } = imported
  const title = article.title
  const result = exportMarkdown(article, fixtureContext(), profile)
  const page = exportHtml(article, fixtureContext(), { fragment: true })
  const body = result.content.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^\nimport .*(?:\nimport .*)*\n/, '')
  return {
    title,
    body,
    html: articleHtml(page.content, title !== ''),
    warnings: [...imported.warnings, ...result.warnings.map((warning) => warning.message)],
    htmlWarnings: [...imported.warnings, ...page.warnings.map((warning) => warning.message)]
  }
}

/** The `<article>` of an HTML export as cmark-gfm would render its source: the title's h1 (when there is a title) and the body after the header. */
function articleHtml(page: string, withTitle: boolean): string {
  const article = parseHtml(page).children.find((node): node is Element => node.type === 'element' && node.tagName === 'article')
  if (!article) throw new Error('no <article> in the HTML export')
  const parts = article.children.flatMap((node): ElementContent[] => {
    if (node.type !== 'element' || node.tagName !== 'header') return [node]
    return withTitle ? node.children.filter((child) => child.type === 'element' && child.tagName === 'h1') : []
  })
  return toHtml({ type: 'root', children: parts })
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const blockTags = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'hr', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div'
])
const isBlock = (node: RootContent | ElementContent | undefined): boolean => node?.type === 'element' && blockTags.has(node.tagName)

/**
 * HTML as the spec's own test runner compares it: attributes sorted, runs of
 * whitespace as one space outside `<pre>`, and no whitespace next to block
 * boundaries, where it is not content.
 */
export function normalizeHtml(html: string): string {
  const serialize = (nodes: readonly (RootContent | ElementContent)[], inPre: boolean, inBlock: boolean): string =>
    nodes
      .map((node, index) => {
        if (node.type === 'text') {
          if (inPre) return escapeHtml(node.value)
          let value = node.value.replace(/\s+/g, ' ')
          if ((inBlock && index === 0) || isBlock(nodes[index - 1])) value = value.trimStart()
          if ((inBlock && index === nodes.length - 1) || isBlock(nodes[index + 1])) value = value.trimEnd()
          return escapeHtml(value)
        }
        if (node.type === 'comment') return `<!--${node.value}-->`
        if (node.type !== 'element') return ''
        const attrs = Object.entries(node.properties)
          .map(([name, value]) => ` ${name}="${escapeHtml(Array.isArray(value) ? value.join(' ') : String(value))}"`)
          .sort()
          .join('')
        const inner = serialize(node.children, inPre || node.tagName === 'pre', blockTags.has(node.tagName))
        return `<${node.tagName}${attrs}>${inner}</${node.tagName}>${isBlock(node) ? '\n' : ''}`
      })
      .join('')
  return serialize(parseHtml(html).children, false, true).trim()
}
