import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import type { Article } from '../../../../src/shared/article/article'
import { exportMarkdown, profiles, type ExportContext, type LayoutOptions } from '../../../../src/shared/export'

/**
 * The smallest Hugo site a theme would give: a page layout that prints the
 * content. Highlighting and the typographer are off and raw HTML is allowed
 * so the built pages can be compared with Copydesk's own HTML export; those
 * are the site's choices, not the export's.
 */
const siteFiles: Record<string, string> = {
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

async function write(root: string, path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), content)
}

/** Writes the articles with the hugo profile, their media (placeholder bytes) and the site kit, then runs Hugo. */
export async function buildHugoSite(root: string, articles: { article: Article; layout?: LayoutOptions }[], ctx: ExportContext): Promise<void> {
  for (const [path, content] of Object.entries(siteFiles)) await write(root, path, content)
  for (const file of profiles.hugo.siteKit()) await write(root, file.path, file.content)
  for (const { article, layout } of articles) {
    const result = exportMarkdown(article, ctx, 'hugo', layout)
    await write(root, profiles.hugo.articlePath(article, layout), result.content)
    for (const media of result.media) await write(root, media.path, new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
  }
  await promisify(execFile)('hugo', ['--source', root, '--quiet', '--panicOnWarning'], { timeout: 60_000 })
}
