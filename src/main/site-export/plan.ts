import { dirname, sep } from 'node:path'
import { editedSinceApprovalWarning } from '../../shared/review/approval'
import type { ArticleStatus } from '../../shared/article/article'
import { profiles, type LayoutOptions, type MediaFile, type ProfileName } from '../../shared/export'
import type { SiteExportWarning, SiteFile } from '../../shared/export-api'
import { UserError } from '../../shared/ipc/result'
import type { SearchHit } from '../../shared/library-api'
import type { Library } from '../library/library'
import type { FileStamp } from '../library/summary'
import { resolveMediaFile } from '../library/media'
import { exportContext } from './context'
import { readManifest, type Manifest } from './manifest'
import { recoverInterrupted, type Recovery } from './export-journal'
import type { FileAction } from './file-action'
import type { RenderedArticle, RenderSetup } from './render-article'
import { createRenderer, rendersOnThreads } from './render-pool'
import { BoundedTasks } from './bounded-tasks'
import { articleFingerprint, entryAhead, fingerprintMatches, promoInputs, readRenderCache, untouchedSince, type CachedArticle, type RenderCache } from './render-cache'
import { rendererFingerprint } from './renderer-fingerprint'
import { SiteFolder } from './safe-path'
import { nothingSelectedNotice } from './selection-notice'
import { compareWithSite, staleFiles } from './site-compare'


export interface PlannedFile extends SiteFile {
  action: FileAction
  /** Absolute, checked to be inside the site folder. */
  target: string
  sha256: string
  /** The library file a media target is copied from. */
  source?: string
  /** A new article file's stamp as its render thread wrote it (see RenderedArticle.stamp). */
  stamp?: FileStamp
}

export interface StaleFile extends SiteFile {
  /** `conflict`: someone changed it since Copydesk wrote it, so it is only removed when overwriting is confirmed. */
  action: 'remove' | 'conflict'
  target: string
}

/** One selected article: what its files depend on, for the render cache. */
export interface PlannedArticle {
  id: string
  fingerprint: string
  related: string[]
  promoIds: string[]
  warnings: { kind: string; message: string }[]
  /** Its file, then its media. */
  paths: string[]
  /** Set when nothing changed since the last export, so the article was neither read nor rendered. */
  cached: CachedArticle | null
  /** For a rendered article, its render cache entry when it could be made while rendering (see entryAhead). */
  entryAhead?: CachedArticle | null
}

export interface Plan {
  site: SiteFolder
  profile: ProfileName
  previous: Manifest | null
  /** From rendererFingerprint: the render cache is only trusted for the same one. */
  renderer: string
  articles: PlannedArticle[]
  /** The render cache as this plan found it. */
  renderCache: RenderCache
  files: PlannedFile[]
  stale: StaleFile[]
  warnings: SiteExportWarning[]
  notices: string[]
  /** The signal stopped planning: only the articles before it are in, and nothing counts as stale. */
  cancelled: boolean
  /** Set when the last export was interrupted in its commit: `previous` is the manifest brought up to what it did. */
  recovery: Recovery | null
}

export interface PlanOptions {
  profile: ProfileName
  statuses: readonly ArticleStatus[]
  layout: LayoutOptions
  siteKit: boolean
  /** YYYY-MM-DD: decides which promos have expired. */
  today: string
  /** Stops planning after the article in hand; the plan then says `cancelled`. */
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
  /** Given every file to write as soon as it is known, so an export writes while later articles render; a dry run has none. */
  stager?: Stager
}

/** Where an export's files go until it is committed (see SiteWriter). */
export interface Stager {
  /** Makes a folder files will be staged in. */
  folder(dir: string): Promise<void>
  /** A compared file and its bytes. */
  stage(file: PlannedFile, bytes: Buffer): Promise<void>
  /** A new file a render thread already wrote to `temp`, beside its target. */
  adopt(file: PlannedFile, temp: string): void
}

/** Progress is reported every this many articles. */
const BATCH = 32
/** Files compared with the site in this thread (and handed to the stager) at once: media and kit files; render threads compare articles. */
const COMPARING = 32

export interface Wanted extends SiteFile {
  /** A kit file's bytes. */
  content?: Buffer
  /** The library file a media target is copied from. */
  source?: string
  /** Known unchanged from the render cache: not read again. */
  cachedSha256?: string
}

/** A freshly rendered article and where its media come from in the library (null for one that is missing). */
interface Rendered {
  rendered: RenderedArticle
  /** The article's file. */
  file: PlannedFile
  media: (MediaFile & { source: string | null })[]
}

/**
 * Works out everything an export would do: what each selected article
 * renders to, which media it needs, and how every target compares with the
 * site folder and the last export's manifest. No file of the site changes:
 * with a stager, the files to write are handed to it as soon as they are
 * known, and render threads stage new ones beside their targets.
 */
export async function planSiteExport(library: Library, siteDir: string, options: PlanOptions): Promise<Plan> {
  const { stager } = options
  const site = await SiteFolder.open(siteDir)
  // Renders a canary with the layout, so a bad section is refused here, before any article is read.
  const renderer = rendererFingerprint(options.profile, options.layout)
  const [{ manifest: previous, notice, recovery }, { ctx, summaries }, cache] = await Promise.all([
    readManifest(site.root).then(async ({ manifest, notice }) => ({ notice, ...(await recoverInterrupted(site.root, manifest)) })),
    exportContext(library, options.today),
    readRenderCache(library.dir, site.root, renderer)
  ])
  const profile = profiles[options.profile]
  const promos = promoInputs(ctx.promos, options.today)
  const summariesById = new Map(summaries.map((summary) => [summary.id, summary]))
  const fingerprint = (summary: SearchHit, promoIds: string[], related: string[]): string =>
    articleFingerprint({ summary, promoIds, related, promos, summaries: summariesById })

  const statuses = new Set(options.statuses)
  // Oldest first, so when two articles claim one path the one that had it first keeps it.
  const selected = summaries
    .filter((summary) => statuses.has(summary.status))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))

  const wanted = new Map<string, Wanted>()
  const warnings: SiteExportWarning[] = selected.filter((summary) => summary.editedSinceApproval).map(editedSinceApprovalWarning)
  const articles: PlannedArticle[] = []
  const files: PlannedFile[] = []
  const comparing = new BoundedTasks(COMPARING)
  /**
   * A file known unchanged from the render cache's stamps: the path was checked when written and is still that regular file.
   * Listed as it is claimed, without a turn of the event loop: after one edit, that is 9,999 files of 10,000.
   */
  // Joined by hand, as untouchedSince did for its lstat: the path was found safe, so path.join's normalizing is a cost without a use.
  const rootPrefix = site.root.endsWith(sep) ? site.root : `${site.root}${sep}`
  const knownUnchanged = (file: Wanted, sha256: string): PlannedFile => {
    const known: PlannedFile = Object.assign(siteFile(file), { action: 'unchanged' as const, target: `${rootPrefix}${file.path}`, sha256 })
    if (file.source) known.source = file.source
    return known
  }
  /** Files claimed since the last call, in claim order, to compare with the site. */
  let claimed: Wanted[] = []
  const compareClaimed = async (): Promise<void> => {
    const batch = claimed
    claimed = []
    for (const file of batch) {
      await comparing.add(async () => {
        const { planned, bytes } = await compareWithSite(site, file, previous)
        // Held no longer than this: memory stays flat however many articles there are.
        delete file.content
        files.push(planned)
        await stager?.stage(planned, bytes)
      })
    }
  }
  const claim = (file: Wanted, planned: PlannedArticle, title: string, compareHere = true): boolean => {
    const owner = wanted.get(file.path)
    if (!owner) {
      wanted.set(file.path, file)
      if (file.cachedSha256) files.push(knownUnchanged(file, file.cachedSha256))
      else if (compareHere) claimed.push(file)
    } else if (file.kind !== 'media' || owner.source !== file.source) {
      warnings.push({
        articleId: planned.id,
        title,
        kind: 'duplicate-slug',
        message: `“${title}” would be written to ${file.path}, which “${owner.title ?? owner.path}” already uses, so it was left out. Give it another slug.`
      })
      return false
    }
    planned.paths.push(file.path)
    return true
  }

  const fromCache = (summary: SearchHit, cached: CachedArticle): PlannedArticle => {
    const planned: PlannedArticle = { id: summary.id, fingerprint: cached.fingerprint, related: cached.related, promoIds: cached.promoIds, warnings: cached.warnings, paths: [], cached }
    articles.push(planned)
    for (const warning of cached.warnings) warnings.push({ ...warning, articleId: summary.id, title: summary.title })
    for (let index = 0; index < cached.files.length; index++) {
      const file = cached.files[index]!
      const known: Wanted = { path: file.path, kind: index === 0 ? 'article' : 'media', articleId: summary.id, title: summary.title, cachedSha256: file.sha256 }
      if (file.source) known.source = file.source.file
      if (!claim(known, planned, summary.title)) break
    }
    return planned
  }

  const setup: RenderSetup = { ctx, profile: options.profile, layout: options.layout, siteRealRoot: site.realRoot, stage: stager !== undefined }
  // Render threads take longer to start than claiming every path: when more articles than need them have no render
  // cached (a first export), they start now and get ready on the other cores while the paths below are claimed.
  const uncached = selected.length - cache.size
  const early = rendersOnThreads(uncached) ? createRenderer(setup, uncached) : null
  const claimAll = async () => {
    const unchanged = selected.map((summary) => {
      const cached = cache.get(summary.id)
      const same = cached && fingerprintMatches(cached.fingerprint, { summary, promoIds: cached.promoIds, related: cached.related, promos, summaries: summariesById }) && untouchedSince(site.root, cached, previous)
      return same ? cached : null
    })
    // Every article's file is claimed first, oldest first, so renders can run ahead knowing where each goes; one left out is not rendered at all.
    const toRender: { summary: SearchHit; planned: PlannedArticle }[] = []
    const plannedArticles = selected.map((summary, index) => {
      const cached = unchanged[index]
      if (cached) return fromCache(summary, cached)
      const planned: PlannedArticle = { id: summary.id, fingerprint: '', related: [], promoIds: [], warnings: [], paths: [], cached: null }
      articles.push(planned)
      // Compared with the site by the renderer, once rendered.
      if (claim({ path: profile.articlePath(summary, options.layout), kind: 'article', articleId: summary.id, title: summary.title }, planned, summary.title, false)) {
        toRender.push({ summary, planned })
      }
      return planned
    })
    // Only the articles to render: after one edit, one of 10,000.
    const sources = await library.articleSources(toRender.map(({ summary }) => summary.id))
    return { toRender, plannedArticles, sources }
  }
  const { toRender, plannedArticles, sources } = await claimAll().catch(async (error: unknown) => {
    await early?.close()
    throw error
  })

  const fromRender = (summary: SearchHit, planned: PlannedArticle, { article, promoIds, warnings: found }: RenderedArticle, media: Rendered['media']): void => {
    planned.fingerprint = fingerprint(summary, promoIds, article.related)
    planned.related = article.related
    planned.promoIds = promoIds
    planned.warnings.push(...found)
    for (const missing of media.filter((file) => !file.source)) {
      planned.warnings.push({ kind: 'missing-media', message: `The image ${missing.src} is not in the library's media folder, so it was not copied.` })
    }
    const owner = { articleId: article.id, title: article.title }
    for (const warning of planned.warnings) warnings.push({ ...warning, ...owner })
    for (const file of media) {
      if (file.source && !claim({ path: file.path, kind: 'media', ...owner, source: file.source }, planned, article.title)) return
    }
  }

  const rendering = early ?? createRenderer(setup, toRender.length)
  const render = async ({ summary, planned }: (typeof toRender)[number]): Promise<Rendered> => {
    const source = sources.get(summary.id)
    if (!source) throw new UserError('not-found', `“${summary.title || 'Untitled'}” no longer exists; it may have been deleted elsewhere.`)
    const path = planned.paths[0]!
    const target = await site.checkFolderOf(path)
    await stager?.folder(dirname(target))
    const recordedSha256 = previous?.files[path]?.sha256
    const rendered = await rendering.render(source, { path, file: target, ...(recordedSha256 ? { recordedSha256 } : {}) })
    const file: PlannedFile = Object.assign(siteFile({ path, kind: 'article', articleId: summary.id, title: rendered.article.title }), {
      action: rendered.action,
      target,
      sha256: rendered.sha256
    })
    files.push(file)
    // Known to the writer as soon as it exists, so a failed export takes it back even if the plan never got this far.
    if (rendered.stamp) file.stamp = rendered.stamp
    if (rendered.temp) stager!.adopt(file, rendered.temp)
    else if (rendered.content) await stager?.stage(file, Buffer.from(rendered.content.buffer, rendered.content.byteOffset, rendered.content.byteLength))
    const media = await Promise.all(rendered.media.map(async (image) => ({ ...image, source: await resolveMediaFile(library.dir, image.src) })))
    return { rendered, file, media }
  }
  // Renders run ahead of the article being planned; their results are taken in order.
  const ahead: Promise<Rendered>[] = []
  let queued = 0
  const renderAhead = (): void => {
    while (ahead.length < rendering.ahead && queued < toRender.length) {
      const next = render(toRender[queued++]!)
      // Awaited in its turn; a failure before then must not count as unhandled.
      next.catch(() => undefined)
      ahead.push(next)
    }
  }
  let cancelled = false
  try {
    for (let index = 0; index < selected.length; index++) {
      const summary = selected[index]!
      if (options.signal?.aborted) {
        cancelled = true
        break
      }
      const planned = plannedArticles[index]!
      if (!planned.cached && planned.paths.length) {
        renderAhead()
        const { rendered, file, media } = await ahead.shift()!
        fromRender(summary, planned, rendered, media)
        if (stager) planned.entryAhead = entryAhead(planned, file)
      }
      if (claimed.length) await compareClaimed()
      const done = index + 1
      if (done % BATCH === 0 || done === selected.length) options.onProgress?.(done, selected.length)
    }
    if (options.siteKit && !cancelled) {
      for (const file of profile.siteKit()) {
        if (!wanted.has(file.path)) {
          const kit: Wanted = { path: file.path, kind: 'kit', content: Buffer.from(file.content) }
          wanted.set(file.path, kit)
          claimed.push(kit)
        }
      }
      await compareClaimed()
    }
  } finally {
    // Every started render, comparison and write is over before the caller keeps or discards what was written.
    await Promise.allSettled(ahead)
    await Promise.all([rendering.close(), comparing.settle().catch(() => undefined)])
  }
  await comparing.settle()
  files.sort(byPath)
  // Reported in article order, whichever order renders finished in.
  if (warnings.length > 1) {
    const position = new Map(selected.map((summary, index) => [summary.id, index]))
    warnings.sort((a, b) => position.get(a.articleId)! - position.get(b.articleId)!)
  }

  const notices = [...(recovery ? [recovery.notice] : []), ...(notice ? [notice] : [])]
  if (selected.length === 0) notices.push(nothingSelectedNotice(summaries, options.statuses))
  const stale = cancelled ? [] : await staleFiles(site, previous, wanted, notices)
  return { site, profile: options.profile, previous, renderer, articles, renderCache: cache, files, stale, warnings, notices, cancelled, recovery }
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export const byPath = (a: SiteFile, b: SiteFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/** Just the fields a report lists. Assigned one by one: object spreads here cost a re-export of 10,000 articles 20 ms. */
export function siteFile(file: SiteFile): SiteFile {
  const listed: SiteFile = { path: file.path, kind: file.kind }
  if (file.articleId) listed.articleId = file.articleId
  if (file.title) listed.title = file.title
  return listed
}
