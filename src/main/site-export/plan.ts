import { join } from 'node:path'
import type { Article, ArticleStatus } from '../../shared/article/article'
import { walkBody } from '../../shared/article/body'
import { exportMarkdown, profiles, type LayoutOptions, type ProfileName } from '../../shared/export'
import type { SiteExportWarning, SiteFile } from '../../shared/export-api'
import type { SearchHit } from '../../shared/library-api'
import type { Library } from '../library/library'
import { resolveMediaFile } from '../library/media'
import { exportContext } from './context'
import { isGitRepo } from './git'
import { readManifest, type Manifest } from './manifest'
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
  /** Bytes to write for articles and kit files; dropped once known to be unchanged. */
  content?: Buffer
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
  articles: PlannedArticle[]
  /** The render cache as this plan found it. */
  renderCache: Map<string, CachedArticle>
  files: PlannedFile[]
  stale: StaleFile[]
  warnings: SiteExportWarning[]
  notices: string[]
  gitRepo: boolean
}

export interface PlanOptions {
  profile: ProfileName
  statuses: readonly ArticleStatus[]
  layout: LayoutOptions
  siteKit: boolean
  /** YYYY-MM-DD: decides which promos have expired. */
  today: string
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/** Articles are checked, read and rendered this many at a time: enough to overlap disk access, few enough to keep memory flat. */
const BATCH = 32

export interface Wanted extends SiteFile {
  content?: Buffer
  source?: string
  /** Known unchanged from the render cache: not read again. */
  cachedSha256?: string
}

const promoIdsOf = (article: Article): string[] => {
  const ids = new Set<string>()
  walkBody(article.body, (node) => {
    if (node.type === 'promoSlot' && typeof node.attrs?.['promoId'] === 'string') ids.add(node.attrs['promoId'])
  })
  return [...ids]
}

/**
 * Works out everything an export would do, reading but never writing: what
 * each selected article renders to, which media it needs, and how every
 * target compares with the site folder and the last export's manifest.
 */
export async function planSiteExport(library: Library, siteDir: string, options: PlanOptions): Promise<Plan> {
  const site = await SiteFolder.open(siteDir)
  const [{ manifest: previous, notice }, gitRepo, { ctx, summaries }, cache] = await Promise.all([
    readManifest(site.root),
    isGitRepo(site.root),
    exportContext(library, options.today),
    readRenderCache(library.dir, site.root)
  ])
  const profile = profiles[options.profile]
  // Renders a canary with the layout, so a bad section is refused here, before any article is read.
  const renderer = rendererFingerprint(options.profile, options.layout)
  const promos = promoInputs(ctx.promos, options.today)
  const summariesById = new Map(summaries.map((summary) => [summary.id, summary]))
  const fingerprint = (summary: SearchHit, promoIds: string[], related: string[]): string =>
    articleFingerprint({ renderer, summary, promoIds, related, promos, summaries: summariesById })

  const statuses = new Set(options.statuses)
  // Oldest first, so when two articles claim one path the one that had it first keeps it.
  const selected = summaries
    .filter((summary) => statuses.has(summary.status))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))

  const wanted = new Map<string, Wanted>()
  const warnings: SiteExportWarning[] = []
  const articles: PlannedArticle[] = []
  const claim = (file: Wanted, planned: PlannedArticle, title: string): boolean => {
    const owner = wanted.get(file.path)
    if (!owner) wanted.set(file.path, file)
    else if (file.kind !== 'media' || owner.source !== file.source) {
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
    const owner = { articleId: summary.id, title: summary.title }
    for (const [index, file] of cached.files.entries()) {
      const kind = index === 0 ? 'article' : 'media'
      if (!claim({ path: file.path, kind, ...owner, cachedSha256: file.sha256, ...(file.source ? { source: file.source.file } : {}) }, planned, summary.title)) break
    }
  }

  const rendered = async (summary: SearchHit, article: Article): Promise<void> => {
    const result = exportMarkdown(article, ctx, options.profile, options.layout)
    const promoIds = promoIdsOf(article)
    const planned: PlannedArticle = {
      id: article.id,
      fingerprint: fingerprint(summary, promoIds, article.related),
      related: article.related,
      promoIds,
      warnings: result.warnings.map(({ kind, message }) => ({ kind, message })),
      paths: [],
      cached: null
    }
    articles.push(planned)
    const owner = { articleId: article.id, title: article.title }
    const path = profile.articlePath(article, options.layout)
    const media = await Promise.all(result.media.map(async (file) => ({ ...file, source: await resolveMediaFile(library.dir, file.src) })))
    for (const missing of media.filter((file) => !file.source)) {
      planned.warnings.push({ kind: 'missing-media', message: `The image ${missing.src} is not in the library's media folder, so it was not copied.` })
    }
    for (const warning of planned.warnings) warnings.push({ ...warning, ...owner })
    if (!claim({ path, kind: 'article', ...owner, content: Buffer.from(result.content) }, planned, article.title)) return
    for (const file of media) {
      if (file.source && !claim({ path: file.path, kind: 'media', ...owner, source: file.source }, planned, article.title)) return
    }
  }

  for (let start = 0; start < selected.length; start += BATCH) {
    options.signal?.throwIfAborted()
    const chunk = selected.slice(start, start + BATCH)
    const fresh = chunk.map((summary) => {
      const cached = cache.get(summary.id)
      const same = cached && cached.fingerprint === fingerprint(summary, cached.promoIds, cached.related) && untouchedSince(site.root, cached, previous)
      return same ? cached : null
    })
    const loaded = await Promise.all(chunk.map((summary, i) => (fresh[i] ? null : library.getArticle(summary.id))))
    for (const [i, summary] of chunk.entries()) {
      const cached = fresh[i]
      if (cached) fromCache(summary, cached)
      else await rendered(summary, loaded[i]!)
    }
    options.onProgress?.(start + chunk.length, selected.length)
  }
  if (options.siteKit) {
    for (const file of profile.siteKit()) {
      if (!wanted.has(file.path)) wanted.set(file.path, { path: file.path, kind: 'kit', content: Buffer.from(file.content) })
    }
  }

  const files: PlannedFile[] = []
  const toCompare: Wanted[] = []
  for (const file of wanted.values()) {
    // Known unchanged from the render cache's stamps: the path was checked when written and is still that regular file.
    if (file.cachedSha256) files.push({ ...siteFile(file), action: 'unchanged', target: join(site.root, file.path), sha256: file.cachedSha256, ...(file.source ? { source: file.source } : {}) })
    else toCompare.push(file)
  }
  for (let start = 0; start < toCompare.length; start += BATCH) {
    files.push(...(await Promise.all(toCompare.slice(start, start + BATCH).map((file) => compareWithSite(site, file, previous)))))
  }
  files.sort(byPath)

  const notices = notice ? [notice] : []
  const stale = await staleFiles(site, previous, wanted, notices)
  return { site, profile: options.profile, previous, articles, renderCache: cache, files, stale, warnings, notices, gitRepo }
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
export const byPath = (a: SiteFile, b: SiteFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

const optional = (file: { articleId?: string; title?: string }): Partial<SiteFile> => ({
  ...(file.articleId ? { articleId: file.articleId } : {}),
  ...(file.title ? { title: file.title } : {})
})

export const siteFile = (file: SiteFile): SiteFile => ({ path: file.path, kind: file.kind, ...optional(file) })
