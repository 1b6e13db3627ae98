import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import { promoState, type Promo } from '../../shared/article/promo'
import type { SearchHit } from '../../shared/library-api'
import type { Manifest } from './manifest'
import type { Plan, PlannedFile } from './plan'
import { readRememberedJson, writeRememberedJson } from './remembered-json'
import { unsafePathReason } from './safe-path'

/**
 * What the last export of each article produced, kept beside the library
 * (never in the site repo: it holds this machine's file times). With it, an
 * article whose inputs did not change and whose files nobody touched is not
 * read or rendered again, so re-exporting 10,000 articles after one edit
 * costs about one article. Losing the file only makes the next export slower.
 */
const CACHE_FOLDER = 'site-export-cache'

const fileStamp = z.object({ size: z.number(), mtimeMs: z.number() })
const cachedArticleSchema = z.object({
  /** From articleFingerprint. */
  fingerprint: z.string(),
  related: z.array(z.string()),
  promoIds: z.array(z.string()),
  /** The article's file first, then its media, each with the library file it was copied from as it was then. */
  files: z.array(fileStamp.extend({ path: z.string(), sha256: z.string(), source: fileStamp.extend({ file: z.string() }).optional() })),
  warnings: z.array(z.object({ kind: z.string(), message: z.string() }))
})
export type CachedArticle = z.infer<typeof cachedArticleSchema>
const cacheSchema = z.object({ version: z.literal(2), siteRoot: z.string(), renderer: z.string(), articles: z.record(z.string(), cachedArticleSchema) })

const cacheFile = (libraryDir: string, siteRoot: string): string =>
  join(libraryDir, CACHE_FOLDER, `${createHash('sha256').update(siteRoot).digest('hex').slice(0, 24)}.json`)

/**
 * The cache as read, with its articles by id. Its `siteRoot` tells two sites
 * whose file names collide apart; its `renderer` (from rendererFingerprint)
 * says which export core and layout rendered them: after an update of
 * Copydesk or a change of layout, nothing in it is trusted.
 */
interface RenderCache {
  siteRoot: string
  renderer: string
  articles: ReadonlyMap<string, CachedArticle>
}

const parseCache = (text: string): RenderCache => {
  const { siteRoot, renderer, articles } = cacheSchema.parse(JSON.parse(text))
  return { siteRoot, renderer, articles: new Map(Object.entries(articles)) }
}

export async function readRenderCache(libraryDir: string, siteRoot: string, renderer: string): Promise<ReadonlyMap<string, CachedArticle>> {
  const cache = await readRememberedJson(cacheFile(libraryDir, siteRoot), parseCache).catch(() => null)
  return cache?.siteRoot === siteRoot && cache.renderer === renderer ? cache.articles : new Map()
}

/**
 * Each entry's JSON with its id, kept while the entry lives: after one edit,
 * 9,999 of 10,000 entries are the objects read or written last time, and
 * writing the cache is then joining their text rather than serializing 3 MB again.
 */
const entryJson = new WeakMap<CachedArticle, { id: string; json: string }>()
function jsonOf(id: string, entry: CachedArticle): string {
  const kept = entryJson.get(entry)
  if (kept?.id === id) return kept.json
  const json = `${JSON.stringify(id)}:${JSON.stringify(entry)}`
  entryJson.set(entry, { id, json })
  return json
}

export async function writeRenderCache(libraryDir: string, siteRoot: string, renderer: string, articles: Map<string, CachedArticle>): Promise<void> {
  await mkdir(join(libraryDir, CACHE_FOLDER), { recursive: true })
  // The JSON of { version: 2, siteRoot, renderer, articles }, with each entry's kept text.
  const entries = Array.from(articles, ([id, entry]) => jsonOf(id, entry))
  const text = `{"version":2,"siteRoot":${JSON.stringify(siteRoot)},"renderer":${JSON.stringify(renderer)},"articles":{${entries.join(',')}}}`
  await writeRememberedJson(cacheFile(libraryDir, siteRoot), text, { siteRoot, renderer, articles } satisfies RenderCache)
}

export interface FingerprintInputs {
  summary: SearchHit
  promoIds: readonly string[]
  related: readonly string[]
  /** From promoInputs, computed once per export. */
  promos: ReadonlyMap<string, string>
  summaries: ReadonlyMap<string, SearchHit>
}

/** Each promo as an article's output depends on it, its fields and whether it runs on `today`, as a short hash. */
export const promoInputs = (promos: readonly Promo[], today: string): Map<string, string> =>
  new Map(promos.map((promo) => [promo.id, createHash('sha256').update(JSON.stringify([promo, promoState(promo, today)])).digest('hex').slice(0, 16)]))

/**
 * Everything an article's exported files depend on besides the export core,
 * read from the library index without opening the article: its last save,
 * the promos it places (and whether they run today), and the titles and slugs
 * of the articles it links to. A plain string, not a hash: every export
 * compares it for every article, and hashing 10,000 of them took longer than
 * checking their files.
 */
export function articleFingerprint({ summary, promoIds, related, promos, summaries }: FingerprintInputs): string {
  let fingerprint = `${summary.updatedAt} ${summary.status} ${summary.slug}`
  for (const id of promoIds) fingerprint += `\0promo ${id} ${promos.get(id) ?? 'missing'}`
  for (const id of related) {
    const other = summaries.get(id)
    fingerprint += `\0related ${JSON.stringify(other ? [id, other.slug, other.title] : [id])}`
  }
  return fingerprint
}

/** Synchronous on purpose: one lstat is microseconds, while a promise per file made checking 10,000 articles ten times slower. */
const sameStamp = (file: string, stamp: { size: number; mtimeMs: number }): boolean => {
  const stats = lstatSync(file, { throwIfNoEntry: false })
  return stats !== undefined && stats.isFile() && stats.size === stamp.size && stats.mtimeMs === stamp.mtimeMs
}

/**
 * Paths of cached files found safe, across exports: every re-export checks all
 * 10,000 articles' paths, which stay the same from one export to the next.
 */
const safePaths = new Set<string>()
const isSafePath = (path: string): boolean => {
  if (safePaths.has(path)) return true
  if (unsafePathReason(path)) return false
  safePaths.add(path)
  return true
}

/** Whether the files an article got last time are still exactly what Copydesk wrote, judged by their stamps. */
export function untouchedSince(siteRoot: string, cached: CachedArticle, manifest: Manifest | null): boolean {
  return cached.files.every(
    (file) =>
      manifest?.files[file.path]?.sha256 === file.sha256 &&
      isSafePath(file.path) &&
      sameStamp(join(siteRoot, file.path), file) &&
      (!file.source || sameStamp(file.source.file, file.source))
  )
}

const stampOf = (file: string): { size: number; mtimeMs: number } => {
  const { size, mtimeMs } = lstatSync(file)
  return { size, mtimeMs }
}

/**
 * After an export, remembers each article whose files are all in place (written
 * or already identical): the next export can then skip it while nothing changes.
 */
export async function rememberRenders(libraryDir: string, plan: Plan, finished: Set<string>): Promise<void> {
  let files: Map<string, PlannedFile> | null = null
  const next = new Map<string, CachedArticle>()
  let changed = false
  for (const article of plan.articles) {
    // One left out (its path taken by an older article) is planned afresh next time: that path may be free by then.
    if (!article.paths.length || !article.paths.every((path) => finished.has(path))) continue
    if (article.cached) {
      next.set(article.id, article.cached)
      continue
    }
    changed = true
    // Only rendered articles need their files looked up; after one edit, that is one of 10,000.
    files ??= new Map(plan.files.map((file) => [file.path, file]))
    const stamped = article.paths.map((path) => {
      const file = files!.get(path)!
      const source = file.source ? { source: { file: file.source, ...stampOf(file.source) } } : {}
      return { path, sha256: file.sha256, ...stampOf(file.target), ...source }
    })
    next.set(article.id, { fingerprint: article.fingerprint, related: article.related, promoIds: article.promoIds, files: stamped, warnings: article.warnings })
  }
  if (changed || next.size !== plan.renderCache.size) await writeRenderCache(libraryDir, plan.site.root, plan.renderer, next)
}
