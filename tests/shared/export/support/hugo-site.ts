import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { ExportContext } from '../../../../src/shared/export'
import { siteBuildTimeoutMs, writeExportedSite, type SiteArticle } from './exported-site'

/**
 * The smallest Hugo site a theme would give: a page layout that prints the
 * content. Highlighting and the typographer are off and raw HTML is allowed
 * so the built pages can be compared with Copydesk's own HTML export; those
 * are the site's choices, not the export's.
 */
export const hugoSiteFiles: Record<string, string> = {
  'hugo.yaml': [
    'baseURL: https://example.org/',
    'title: Copydesk test site',
    'disableKinds: [taxonomy, term, RSS, sitemap]',
    'markup:',
    '  highlight: { codeFences: false }',
    '  goldmark:',
    '    renderer: { unsafe: true }',
    '    extensions: { typographer: false }',
    ''
  ].join('\n'),
  'layouts/_default/single.html': '<!doctype html><html lang="en"><head><title>{{ .Title }}</title></head><body><article>{{ .Content }}</article></body></html>\n',
  'layouts/_default/list.html': '<!doctype html><html lang="en"><head><title>{{ .Title }}</title></head><body></body></html>\n'
}

/** Writes the articles with the hugo profile, their media and the site kit, then runs Hugo. */
export async function buildHugoSite(root: string, articles: SiteArticle[], ctx: ExportContext): Promise<void> {
  await writeExportedSite(root, 'hugo', hugoSiteFiles, articles, ctx)
  await promisify(execFile)('hugo', ['--source', root, '--quiet', '--panicOnWarning'], { timeout: siteBuildTimeoutMs })
}
