import { closeSync, fstatSync, openSync, unlinkSync, writeFileSync } from 'node:fs'
import type { Article } from '../../shared/article/article'
import { exportMarkdown, profiles, type ExportContext, type ExportWarning, type LayoutOptions, type MediaFile, type ProfileName } from '../../shared/export'
import { UserError } from '../../shared/ipc/result'
import { readIndexedArticle, type ArticleSource } from '../library/article-source'
import { promoIdsOf, stampOf, type FileStamp } from '../library/summary'
import { fileAction, type FileAction } from './file-action'
import { sha256 } from './manifest'
import { readRegularFileSync } from './regular-file'
import { inspectTarget } from './safe-path'
import { tempBeside } from './write-via-temp'

/** What every article of one export is rendered with. */
export interface RenderSetup {
  ctx: ExportContext
  profile: ProfileName
  layout: LayoutOptions
  /** The site folder with links resolved: where a link in the site may lead. */
  siteRealRoot: string
  /** Whether new files are written beside their targets (an export) or only compared (a dry run). */
  stage: boolean
}

/** Where the export planned the article's file, its folders checked and made: from the library's index, before the article was read. */
export interface ArticleTarget {
  path: string
  /** Absolute. */
  file: string
  /** What the last export recorded writing there. */
  recordedSha256?: string
}

/** One article read, rendered and compared with the site: small enough to pass between threads. */
export interface RenderedArticle {
  article: Pick<Article, 'id' | 'title' | 'related'>
  promoIds: string[]
  sha256: string
  action: FileAction
  /** A new file while staging: the temp file beside the target that holds its bytes. */
  temp?: string
  /**
   * The temp file's size and time as written, which the rename into place
   * keeps: the render cache records them rather than stat every file again
   * after the commit, and a file changed by hand in between is not vouched for.
   */
  stamp?: FileStamp
  /** A changed or conflicting file while staging: its bytes, written over the old file only at commit. */
  content?: Uint8Array
  warnings: Pick<ExportWarning, 'kind' | 'message'>[]
  media: MediaFile[]
}

const encoder = new TextEncoder()

/**
 * Reads an article the library vouches for, renders it as the profile's
 * Markdown file, compares that with the site and, while staging, writes a new
 * file beside its target. The file calls are synchronous: this runs on a
 * render thread (or for a small export, beside rendering that holds the
 * thread far longer), where they cost a fraction of their async round trips.
 */
export async function renderArticle(source: ArticleSource, target: ArticleTarget, { ctx, profile, layout, siteRealRoot, stage }: RenderSetup): Promise<RenderedArticle> {
  const article = await readIndexedArticle(source)
  const path = profiles[profile].articlePath(article, layout)
  if (path !== target.path) {
    throw new UserError('conflict', `“${article.title}” changed while it was being exported (it now goes to ${path}). Nothing was exported; export again.`)
  }
  const result = exportMarkdown(article, ctx, profile, layout)
  // Its own buffer (never Node's shared pool), so a worker can hand it over without copying.
  const content = encoder.encode(result.content)
  const hash = sha256(content)
  const existing = inspectTarget(target.file, target.path, siteRealRoot) ? readRegularFileSync(target.file, target.path) : null
  const action = fileAction(existing, content, target.recordedSha256)
  const { id, title, related } = article
  const rendered: RenderedArticle = {
    article: { id, title, related },
    promoIds: promoIdsOf(article),
    sha256: hash,
    action,
    warnings: result.warnings.map(({ kind, message }) => ({ kind, message })),
    media: result.media
  }
  if (!stage || action === 'unchanged') return rendered
  // Fields are added to the answer rather than spread into a copy with them: Node 20 gives such a copy a hidden class of its own every time (a few µs).
  if (action !== 'add') {
    rendered.content = content
    return rendered
  }
  const temp = tempBeside(target.file)
  let stamp: FileStamp
  try {
    const fd = openSync(temp, 'wx')
    try {
      writeFileSync(fd, content)
      stamp = stampOf(fstatSync(fd))
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // Never created.
    }
    throw error
  }
  rendered.temp = temp
  rendered.stamp = stamp
  return rendered
}
