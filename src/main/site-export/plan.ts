import { join } from 'node:path'
import type { ArticleStatus } from '../../shared/article/article'
import { profiles, type LayoutOptions, type MediaFile, type ProfileName } from '../../shared/export'
import type { SiteExportWarning, SiteFile } from '../../shared/export-api'
import { UserError } from '../../shared/ipc/result'
import type { SearchHit } from '../../shared/library-api'
import type { Library } from '../library/library'
import { resolveMediaFile } from '../library/media'
import { exportContext } from './context'
import { isGitRepo } from './git'
import { readManifest, type Manifest } from './manifest'
import type { RenderedArticle } from './render-article'
import { createRenderer } from './render-pool'
import { BoundedTasks } from './bounded-tasks'
import { articleFingerprint, promoInputs, readRenderCache, untouchedSince, type CachedArticle } from './render-cache'
import { rendererFingerprint } from './renderer-fingerprint'
import { SiteFolder } from './safe-path'
import { compareWithSite, staleFiles } from './site-compare'

export type FileAction = 'add' | 'change' | 'unchanged' | 'conflict'

export interface PlannedFile extends SiteFile {
  action: FileAction
  /** Absolute, checked to be inside the site folder. */
  target: string
  sha256: string
  /** The library file a media target is copied from. */
  source?: string
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
}

export interface Plan {
  site: SiteFolder
  profile: ProfileName
  previous: Manifest | null
  /** From rendererFingerprint: the render cache is only trusted for the same one. */
  renderer: string
  articles: PlannedArticle[]
  /** The render cache as this plan found it. */
  renderCache: ReadonlyMap<string, CachedArticle>
  files: PlannedFile[]
  stale: StaleFile[]
  warnings: SiteExportWarning[]
  notices: string[]
  gitRepo: boolean
  /** The signal stopped planning: only the articles before it are in, and nothing counts as stale. */
  cancelled: boolean
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
  /**
   * Given each file as soon as it is compared with the site, with its bytes:
   * an export writes them then, while later articles are still rendered.
   */
  onCompared?: (file: PlannedFile, bytes: Buffer) => Promise<void>
}

/** Progress is reported every this many articles. */
const BATCH = 32
/** Files compared with the site (and handed to onCompared) at once. */
const COMPARING = 32
/**
 * Articles read and rendered ahead of the one being planned: enough to keep
 * the disk and the renderer busy at once, few enough to keep memory flat.
 */
const AHEAD = 64

export interface Wanted extends SiteFile {
  content?: Buffer
  /** Of `content`, when the renderer already hashed it. */
  sha256?: string
  source?: string
  /** Known unchanged from the render cache: not read again. */
  cachedSha256?: string
}

/** A freshly rendered article and where its media come from in the library (null for one that is missing). */
interface Rendered {
  rendered: RenderedArticle
  media: (MediaFile & { source: string | null })[]
}

/**
 * Works out everything an export would do, reading but never writing: what
 * each selected article renders to, which media it needs, and how every
 * target compares with the site folder and the last export's manifest.
 */
export async function planSiteExport(library: Library, siteDir: string, options: PlanOptions): Promise<Plan> {
  const site = await SiteFolder.open(siteDir)
  // Renders a canary with the layout, so a bad section is refused here, before any article is read.
  const renderer = rendererFingerprint(options.profile, options.layout)
  const [{ manifest: previous, notice }, gitRepo, { ctx, summaries }, cache, sources] = await Promise.all([
    readManifest(site.root),
    isGitRepo(site.root),
    exportContext(library, options.today),
    readRenderCache(library.dir, site.root, renderer),
    library.articleSources()
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
  const warnings: SiteExportWarning[] = []
  const articles: PlannedArticle[] = []
  const files: PlannedFile[] = []
  const comparing = new BoundedTasks(COMPARING)
  /** Files claimed since the last call, in claim order. */
  let claimed: Wanted[] = []
  const compareClaimed = async (): Promise<void> => {
    const batch = claimed
    claimed = []
    for (const file of batch) {
      // Known unchanged from the render cache's stamps: the path was checked when written and is still that regular file.
      if (file.cachedSha256) {
        const known: PlannedFile = Object.assign(siteFile(file), { action: 'unchanged' as const, target: join(site.root, file.path), sha256: file.cachedSha256 })
        if (file.source) known.source = file.source
        files.push(known)
        continue
      }
      await comparing.add(async () => {
        const { planned, bytes } = await compareWithSite(site, file, previous)
        // Held no longer than this: memory stays flat however many articles there are.
        delete file.content
        files.push(planned)
        await options.onCompared?.(planned, bytes)
      })
    }
  }
  const claim = (file: Wanted, planned: PlannedArticle, title: string): boolean => {
    const owner = wanted.get(file.path)
    if (!owner) {
      wanted.set(file.path, file)
      claimed.push(file)
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

  const fromCache = (summary: SearchHit, cached: CachedArticle): void => {
    const planned: PlannedArticle = { id: summary.id, fingerprint: cached.fingerprint, related: cached.related, promoIds: cached.promoIds, warnings: cached.warnings, paths: [], cached }
    articles.push(planned)
    for (const warning of cached.warnings) warnings.push({ ...warning, articleId: summary.id, title: summary.title })
    for (const [index, file] of cached.files.entries()) {
      const known: Wanted = { path: file.path, kind: index === 0 ? 'article' : 'media', articleId: summary.id, title: summary.title, cachedSha256: file.sha256 }
      if (file.source) known.source = file.source.file
      if (!claim(known, planned, summary.title)) break
    }
  }

  const fromRender = (summary: SearchHit, { article, promoIds, content, sha256, warnings: found }: RenderedArticle, media: Rendered['media']): void => {
    const planned: PlannedArticle = {
      id: article.id,
      fingerprint: fingerprint(summary, promoIds, article.related),
      related: article.related,
      promoIds,
      warnings: [...found],
      paths: [],
      cached: null
    }
    articles.push(planned)
    const owner = { articleId: article.id, title: article.title }
    const path = profile.articlePath(article, options.layout)
    for (const missing of media.filter((file) => !file.source)) {
      planned.warnings.push({ kind: 'missing-media', message: `The image ${missing.src} is not in the library's media folder, so it was not copied.` })
    }
    for (const warning of planned.warnings) warnings.push({ ...warning, ...owner })
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength)
    if (!claim({ path, kind: 'article', ...owner, content: bytes, sha256 }, planned, article.title)) return
    for (const file of media) {
      if (file.source && !claim({ path: file.path, kind: 'media', ...owner, source: file.source }, planned, article.title)) return
    }
  }

  const unchanged = selected.map((summary) => {
    const cached = cache.get(summary.id)
    const same = cached && cached.fingerprint === fingerprint(summary, cached.promoIds, cached.related) && untouchedSince(site.root, cached, previous)
    return same ? cached : null
  })
  const toRender = selected.filter((_, index) => !unchanged[index])
  const rendering = createRenderer({ ctx, profile: options.profile, layout: options.layout }, toRender.length)
  const render = async (summary: SearchHit): Promise<Rendered> => {
    const source = sources.get(summary.id)
    if (!source) throw new UserError('not-found', `“${summary.title || 'Untitled'}” no longer exists; it may have been deleted elsewhere.`)
    const rendered = await rendering.render(source)
    const media = await Promise.all(rendered.media.map(async (file) => ({ ...file, source: await resolveMediaFile(library.dir, file.src) })))
    return { rendered, media }
  }
  // Renders run ahead of the article being planned; paths are claimed in order, oldest article first.
  const ahead: Promise<Rendered>[] = []
  let queued = 0
  const renderAhead = (): void => {
    while (ahead.length < AHEAD && queued < toRender.length) {
      const next = render(toRender[queued++]!)
      // Awaited in its turn; a failure before then must not count as unhandled.
      next.catch(() => undefined)
      ahead.push(next)
    }
  }
  let cancelled = false
  try {
    for (const [index, summary] of selected.entries()) {
      if (options.signal?.aborted) {
        cancelled = true
        break
      }
      const cached = unchanged[index]
      if (cached) fromCache(summary, cached)
      else {
        renderAhead()
        const { rendered, media } = await ahead.shift()!
        fromRender(summary, rendered, media)
      }
      await compareClaimed()
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
    // Every started comparison (and write) is over before the caller keeps or discards what was written.
    await Promise.all([rendering.close(), comparing.settle().catch(() => undefined)])
  }
  await comparing.settle()
  files.sort(byPath)

  const notices = notice ? [notice] : []
  const stale = cancelled ? [] : await staleFiles(site, previous, wanted, notices)
  return { site, profile: options.profile, previous, renderer, articles, renderCache: cache, files, stale, warnings, notices, gitRepo, cancelled }
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
