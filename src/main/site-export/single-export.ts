import { access, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { exportHtml, exportMarkdown, profiles, type ExportResult } from '../../shared/export'
import type { SingleExport, SingleExportRequest } from '../../shared/export-api'
import { UserError } from '../../shared/ipc/result'
import { editedSinceApproval, editedSinceApprovalWarning } from '../../shared/review/approval'
import type { Library } from '../library/library'
import { resolveMediaFile } from '../library/media'
import { exportContext } from './context'
import { SiteFolder } from './safe-path'
import { localDay } from '../../shared/local-day'

interface Rendered extends SingleExport {
  media: ExportResult['media']
}

async function render(library: Library, request: SingleExportRequest, today: string): Promise<Rendered> {
  const [article, { ctx }] = await Promise.all([library.getArticle(request.id), exportContext(library, today)])
  const profile = request.profile ?? 'plain'
  const result = request.format === 'html' ? exportHtml(article, ctx) : exportMarkdown(article, ctx, profile)
  const extension = request.format === 'html' ? 'html' : profiles[profile].articlePath(article).endsWith('.mdx') ? 'mdx' : 'md'
  return {
    content: result.content,
    fileName: `${article.slug}.${extension}`,
    warnings: [
      ...(editedSinceApproval(article) ? [editedSinceApprovalWarning(article)] : []),
      ...result.warnings.map((warning) => ({ ...warning, title: article.title }))
    ],
    media: result.media
  }
}

/** One article as a standalone HTML page or a Markdown file, exactly as bulk export would render it. */
export async function exportOneArticle(library: Library, request: SingleExportRequest, today: string = localDay()): Promise<SingleExport> {
  const { media: _media, ...single } = await render(library, request, today)
  return single
}

/**
 * Writes the export to `file` and copies the images it refers to by relative
 * URL beside it (e.g. media/… next to an HTML page), so the page shows them.
 * Images with site-rooted URLs (/images/…) belong to a site export instead.
 */
export async function saveOneArticle(library: Library, request: SingleExportRequest, file: string, today: string = localDay()): Promise<SingleExport> {
  const rendered = await render(library, request, today)
  const folder = await SiteFolder.open(dirname(file))
  const copies: { from: string; to: string }[] = []
  for (const media of rendered.media) {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(media.url)) continue
    const from = await resolveMediaFile(library.dir, media.src)
    if (from) copies.push({ from, to: await folder.resolve(media.url) })
  }
  // Copydesk's own templates, as a site export writes them: the files a Hugo or Jekyll page needs for its FAQ and promo blocks.
  const kit = request.withSiteKit && request.format === 'markdown' ? profiles[request.profile ?? 'plain'].siteKit() : []
  const kitTargets = await Promise.all(kit.map(async (kitFile) => ({ to: await folder.resolve(kitFile.path), content: kitFile.content })))
  try {
    await writeFileAtomic(file, rendered.content)
    for (const { to, content } of kitTargets) {
      await mkdir(dirname(to), { recursive: true })
      await writeFileAtomic(to, content)
    }
    for (const { from, to } of copies) {
      // Never replace a file already there: library media names are unique, so one there is the same image or someone else's.
      if (await access(to).then(() => true, () => false)) continue
      await mkdir(dirname(to), { recursive: true })
      await writeFileAtomic(to, await readFile(from))
    }
  } catch (error) {
    throw new UserError('io-error', `Could not save ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`)
  }
  const { media: _media, ...single } = rendered
  return single
}
