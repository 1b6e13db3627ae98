import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { promoState, type Promo } from '../../shared/article/promo'
import type { SearchHit } from '../../shared/library-api'
import type { Manifest } from './manifest'
import type { Plan } from './plan'
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
  fingerprint: z.string(),
  related: z.array(z.string()),
  promoIds: z.array(z.string()),
  /** The article's file first, then its media, each with the library file it was copied from as it was then. */
  files: z.array(fileStamp.extend({ path: z.string(), sha256: z.string(), source: fileStamp.extend({ file: z.string() }).optional() })),
  warnings: z.array(z.object({ kind: z.string(), message: z.string() }))
})
export type CachedArticle = z.infer<typeof cachedArticleSchema>
const cacheSchema = z.object({ version: z.literal(1), siteRoot: z.string(), articles: z.record(z.string(), cachedArticleSchema) })

const cacheFile = (libraryDir: string, siteRoot: string): string =>
  join(libraryDir, CACHE_FOLDER, `${createHash('sha256').update(siteRoot).digest('hex').slice(0, 24)}.json`)

export async function readRenderCache(libraryDir: string, siteRoot: string): Promise<Map<string, CachedArticle>> {
  try {
    const cache = cacheSchema.parse(JSON.parse(await readFile(cacheFile(libraryDir, siteRoot), 'utf8')))
    return cache.siteRoot === siteRoot ? new Map(Object.entries(cache.articles)) : new Map()
  } catch {
    return new Map()
  }
}

export async function writeRenderCache(libraryDir: string, siteRoot: string, articles: Map<string, CachedArticle>): Promise<void> {
  await mkdir(join(libraryDir, CACHE_FOLDER), { recursive: true })
  const cache = { version: 1, siteRoot, articles: Object.fromEntries(articles) }
  await writeFileAtomic(cacheFile(libraryDir, siteRoot), JSON.stringify(cache), { fsync: false })
}

export interface FingerprintInputs {
  /** From rendererFingerprint. */
  renderer: string
  summary: SearchHit
  promoIds: readonly string[]
  related: readonly string[]
  /** From promoInputs, computed once per export. */
  promos: ReadonlyMap<string, string>
  summaries: ReadonlyMap<string, SearchHit>
}

/** Each promo as an article's output depends on it: its fields and whether it runs on `today`. */
export const promoInputs = (promos: readonly Promo[], today: string): Map<string, string> =>
  new Map(promos.map((promo) => [promo.id, JSON.stringify([promo, promoState(promo, today)])]))

/**
 * Everything an article's exported files depend on, read from the library
 * index without opening the article: its last save, the promos it places (and
 * whether they run today), the titles and slugs of the articles it links to,
 * and the export core itself.
 */
export function articleFingerprint({ renderer, summary, promoIds, related, promos, summaries }: FingerprintInputs): string {
  const hash = createHash('sha256').update(JSON.stringify([renderer, summary.id, summary.updatedAt, summary.slug, summary.status]))
  for (const id of promoIds) hash.update(`\0promo ${id} ${promos.get(id) ?? 'missing'}`)
  for (const id of related) {
    const other = summaries.get(id)
    hash.update(`\0related ${JSON.stringify(other ? [id, other.slug, other.title] : [id])}`)
  }
  return hash.digest('hex')
}

/** Synchronous on purpose: one lstat is microseconds, while a promise per file made checking 10,000 articles ten times slower. */
const sameStamp = (file: string, stamp: { size: number; mtimeMs: number }): boolean => {
  const stats = lstatSync(file, { throwIfNoEntry: false })
  return stats !== undefined && stats.isFile() && stats.size === stamp.size && stats.mtimeMs === stamp.mtimeMs
}

/** Whether the files an article got last time are still exactly what Copydesk wrote, judged by their stamps. */
export function untouchedSince(siteRoot: string, cached: CachedArticle, manifest: Manifest | null): boolean {
  return cached.files.every(
    (file) =>
      !unsafePathReason(file.path) &&
      manifest?.files[file.path]?.sha256 === file.sha256 &&
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
  const files = new Map(plan.files.map((file) => [file.path, file]))
  const next = new Map<string, CachedArticle>()
  let changed = false
  for (const article of plan.articles) {
    if (!article.paths.every((path) => finished.has(path))) continue
    if (article.cached) {
      next.set(article.id, article.cached)
      continue
    }
    changed = true
    const stamped = article.paths.map((path) => {
      const file = files.get(path)!
      const source = file.source ? { source: { file: file.source, ...stampOf(file.source) } } : {}
      return { path, sha256: file.sha256, ...stampOf(file.target), ...source }
    })
    next.set(article.id, { fingerprint: article.fingerprint, related: article.related, promoIds: article.promoIds, files: stamped, warnings: article.warnings })
  }
  if (changed || next.size !== plan.renderCache.size) await writeRenderCache(libraryDir, plan.site.root, next)
}
