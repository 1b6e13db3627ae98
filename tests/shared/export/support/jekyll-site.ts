import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ExportContext } from '../../../../src/shared/export'
import { siteBuildTimeoutMs, writeExportedSite, type SiteArticle } from './exported-site'

/**
 * The smallest Jekyll site a theme would give: a post layout that prints the
 * title and the content. Kramdown (Jekyll's default, with its GFM parser)
 * stays as Jekyll sets it up, except that highlighting, smart quotes and
 * typographic symbols (`--` to a dash, `...` to an ellipsis: the GFM parser's
 * `no_auto_typographic` quirk) are off so the built pages can be compared
 * with Copydesk's own HTML export; those are the site's choices, not the export's.
 */
const siteFiles: Record<string, string> = {
  '_config.yml': [
    'title: Copydesk test site',
    'kramdown:',
    '  smart_quotes: [apos, apos, quot, quot]',
    '  gfm_quirks: [paragraph_end, no_auto_typographic]',
    '  syntax_highlighter_opts: { disable: true }',
    ''
  ].join('\n'),
  '_layouts/post.html': '<!doctype html><html lang="en"><head><title>{{ page.title | escape }}</title></head><body><article>{{ content }}</article></body></html>\n'
}

/** Writes the articles with the jekyll profile, their media and the site kit, then runs Jekyll into `_site`. */
export async function buildJekyllSite(root: string, articles: SiteArticle[], ctx: ExportContext): Promise<void> {
  await writeExportedSite(root, 'jekyll', siteFiles, articles, ctx)
  // Safe mode, as GitHub Pages runs it: no plugins, nothing from outside the site.
  await promisify(execFile)('jekyll', ['build', '--source', root, '--destination', join(root, '_site'), '--safe', '--quiet'], { timeout: siteBuildTimeoutMs })
}

/**
 * The built page of a post, wherever the site's permalink style put it
 * (`/<categories>/YYYY/MM/DD/<slug>.html` by default).
 */
export async function builtPostPath(root: string, slug: string): Promise<string> {
  const files = (await readdir(join(root, '_site'), { recursive: true })).filter((file) => file === `${slug}.html` || file.endsWith(`/${slug}.html`))
  if (files.length !== 1) throw new Error(`expected one built page for ${slug}, found ${files.length}: ${files.join(', ')}`)
  return join(root, '_site', files[0]!)
}
