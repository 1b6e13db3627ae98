import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join, sep } from 'node:path'
import * as z from 'zod'
import { promoState, type Promo } from '../../shared/article/promo'
import type { SearchHit } from '../../shared/library-api'
import type { Manifest } from './manifest'
import type { Plan, PlannedArticle, PlannedFile } from './plan'
import { readRememberedJson, writeRememberedJson } from './remembered-json'
import { unsafePathReason } from './safe-path'

/**
 * What the last export of each article produced, kept beside the library
 * (never in the site repo: it holds this machine's file times). With it, an
 * article whose inputs did not change and whose files nobody touched is not
 * read or rendered again, so re-exporting 10,000 articles after one edit
 * costs about one article. Losing it only makes the next export slower.
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
const shardSchema = z.object({ version: z.literal(3), siteRoot: z.string(), renderer: z.string(), articles: z.record(z.string(), cachedArticleSchema) })

/**
 * The cache is split by article id into this many files, so an export after
 * one edit rewrites one shard (some 80 KB at 10,000 articles) instead of
 * megabytes. Shards are written one by one, each atomically: a crash between
 * two leaves some entries older than others, and every entry is checked
 * against the manifest and the files' stamps before it is trusted anyway.
 */
const SHARDS = 64

/** FNV-1a of the id: cheap, and the same on every machine and run. */
const shardOf = (id: string): number => {
  let hash = 0x811c9dc5
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193)
  return (hash >>> 0) % SHARDS
}

const siteKey = (siteRoot: string): string => createHash('sha256').update(siteRoot).digest('hex').slice(0, 24)
const shardFolder = (libraryDir: string, siteRoot: string): string => join(libraryDir, CACHE_FOLDER, siteKey(siteRoot))
const shardFile = (folder: string, shard: number): string => join(folder, `${shard.toString(16).padStart(2, '0')}.json`)
/** Where the whole cache was one file (version 2), removed once every shard has been written. */
const legacyFile = (libraryDir: string, siteRoot: string): string => join(libraryDir, CACHE_FOLDER, `${siteKey(siteRoot)}.json`)

/**
 * One shard as read. Its `siteRoot` tells two sites whose file names collide
 * apart; its `renderer` (from rendererFingerprint) says which export core and
 * layout rendered them: after an update of Copydesk or a change of layout,
 * nothing in it is trusted.
 */
interface Shard {
  siteRoot: string
  renderer: string
  articles: ReadonlyMap<string, CachedArticle>
}

const parseShard = (text: string): Shard => {
  const { siteRoot, renderer, articles } = shardSchema.parse(JSON.parse(text))
  return { siteRoot, renderer, articles: new Map(Object.entries(articles)) }
}

/** What the last exports into one site remembered, article by article. */
export class RenderCache {
  /** `shards`: each shard's articles, by id, as read (read-only: they may be values another export remembered). */
  constructor(readonly shards: readonly ReadonlyMap<string, CachedArticle>[]) {}

  get(id: string): CachedArticle | undefined {
    return this.shards[shardOf(id)]!.get(id)
  }

  get size(): number {
    return this.shards.reduce((sum, shard) => sum + shard.size, 0)
  }
}

export async function readRenderCache(libraryDir: string, siteRoot: string, renderer: string): Promise<RenderCache> {
  const folder = shardFolder(libraryDir, siteRoot)
  const empty: ReadonlyMap<string, CachedArticle> = new Map()
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, async (_, shard) => {
      const read = await readRememberedJson(shardFile(folder, shard), parseShard).catch(() => null)
      return read?.siteRoot === siteRoot && read.renderer === renderer ? read.articles : empty
    })
  )
  return new RenderCache(shards)
}

/**
 * Each entry's JSON with its id, kept while the entry lives: after one edit,
 * all but one entry of a shard are the objects read or written last time,
 * and writing the shard is then joining their text rather than serializing it again.
 */
const entryJson = new WeakMap<CachedArticle, { id: string; json: string }>()
function jsonOf(id: string, entry: CachedArticle): string {
  const kept = entryJson.get(entry)
  if (kept?.id === id) return kept.json
  const json = `${JSON.stringify(id)}:${JSON.stringify(entry)}`
  entryJson.set(entry, { id, json })
  return json
}

/** Writes the shards that differ from `previous`: those with a new entry, or that lost one. */
async function writeRenderCache(libraryDir: string, siteRoot: string, renderer: string, next: Map<string, CachedArticle>[], previous: RenderCache, fresh: boolean[]): Promise<void> {
  const changed = next.flatMap((articles, shard) => (fresh[shard] || articles.size !== previous.shards[shard]!.size ? [shard] : []))
  if (!changed.length) return
  const folder = shardFolder(libraryDir, siteRoot)
  await mkdir(folder, { recursive: true })
  const head = `{"version":3,"siteRoot":${JSON.stringify(siteRoot)},"renderer":${JSON.stringify(renderer)},"articles":{`
  await Promise.all(
    changed.map((shard) => {
      const articles = next[shard]!
      const text = `${head}${Array.from(articles, ([id, entry]) => jsonOf(id, entry)).join(',')}}}`
      return writeRememberedJson(shardFile(folder, shard), text, { siteRoot, renderer, articles } satisfies Shard)
    })
  )
  if (changed.length === SHARDS) await rm(legacyFile(libraryDir, siteRoot), { force: true })
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
    fingerprint += other ? linkedAs(other) : `\0related ${JSON.stringify([id])}`
  }
  return fingerprint
}

/**
 * Whether articleFingerprint(inputs) would be `expected`, compared piece by
 * piece instead of building the string: a re-export asks this of all 10,000
 * articles, and the strings it built were some 5 MB of garbage per export.
 */
export function fingerprintMatches(expected: string, { summary, promoIds, related, promos, summaries }: FingerprintInputs): boolean {
  let at = after(expected, 0, summary.updatedAt)
  at = after(expected, at, ' ')
  at = after(expected, at, summary.status)
  at = after(expected, at, ' ')
  at = after(expected, at, summary.slug)
  for (const id of promoIds) {
    at = after(expected, at, '\0promo ')
    at = after(expected, at, id)
    at = after(expected, at, ' ')
    at = after(expected, at, promos.get(id) ?? 'missing')
  }
  for (const id of related) {
    if (at < 0) return false
    const other = summaries.get(id)
    at = after(expected, at, other ? linkedAs(other) : `\0related ${JSON.stringify([id])}`)
  }
  return at === expected.length
}

/**
 * Where `piece` ends in `text` if `text` holds it at `at`, else -1 (also for
 * an `at` of -1). Not a closure over the position: a re-export asks this of
 * every article, and a closure was an allocation each time.
 */
const after = (text: string, at: number, piece: string): number => (at >= 0 && text.startsWith(piece, at) ? at + piece.length : -1)

/**
 * How an article that others link to enters their fingerprints, kept per
 * summary: the library hands out the same summary object until the article
 * changes, and an export computes this once for every link of every article.
 */
const linkText = new WeakMap<SearchHit, string>()
function linkedAs(summary: SearchHit): string {
  let text = linkText.get(summary)
  if (text === undefined) {
    text = `\0related ${JSON.stringify([summary.id, summary.slug, summary.title])}`
    linkText.set(summary, text)
  }
  return text
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
  // A loop, not every() with a closure over the root and manifest: this runs for each of 10,000 articles per re-export.
  for (const file of cached.files) {
    const same =
      manifest?.files[file.path]?.sha256 === file.sha256 &&
      isSafePath(file.path) &&
      // Joined by hand: the path was found safe (relative, no empty, "." or ".." folder), so path.join's normalizing is a cost without a use.
      sameStamp(`${siteRoot}${sep}${file.path}`, file) &&
      (!file.source || sameStamp(file.source.file, file.source))
    if (!same) return false
  }
  return true
}

const stampOf = (file: string): { size: number; mtimeMs: number } => {
  const { size, mtimeMs } = lstatSync(file)
  return { size, mtimeMs }
}

/** A rendered article's entry, from its planned files in the order of its paths. */
function renderedEntry(article: PlannedArticle, fileOf: (path: string) => PlannedFile): CachedArticle {
  const stamped = article.paths.map((path) => {
    const file = fileOf(path)
    const source = file.source ? { source: { file: file.source, ...stampOf(file.source) } } : {}
    // A file the commit renamed into place has the stamp its render thread took; any other is stat'ed now.
    return { path, sha256: file.sha256, ...(file.stamp ?? stampOf(file.target)), ...source }
  })
  return { fingerprint: article.fingerprint, related: article.related, promoIds: article.promoIds, files: stamped, warnings: article.warnings }
}

/**
 * The entry rememberRenders records for a freshly rendered article if its
 * files end up in place, made and laid out as JSON while later articles still
 * render, when its one file is new and stamped by its render thread: made
 * after the commit instead, the entries of a first export of 10,000 articles
 * held up its end by some 80 ms of this thread. Null for any other article,
 * whose entry is made then.
 */
export function entryAhead(article: PlannedArticle, file: PlannedFile): CachedArticle | null {
  if (article.paths.length !== 1 || !file.stamp || file.source) return null
  const entry = renderedEntry(article, () => file)
  jsonOf(article.id, entry)
  return entry
}

/**
 * After an export, remembers each article whose files are all in place (written
 * or already identical): the next export can then skip it while nothing changes.
 */
export async function rememberRenders(libraryDir: string, plan: Plan, finished: Set<string>): Promise<void> {
  let files: Map<string, PlannedFile> | null = null
  const next = Array.from({ length: SHARDS }, () => new Map<string, CachedArticle>())
  const fresh = new Array<boolean>(SHARDS).fill(false)
  for (const article of plan.articles) {
    // One left out (its path taken by an older article) is planned afresh next time: that path may be free by then.
    if (!article.paths.length || !article.paths.every((path) => finished.has(path))) continue
    const shard = shardOf(article.id)
    if (article.cached) {
      next[shard]!.set(article.id, article.cached)
      continue
    }
    fresh[shard] = true
    if (article.entryAhead) {
      next[shard]!.set(article.id, article.entryAhead)
      continue
    }
    // Only rendered articles need their files looked up; after one edit, that is one of 10,000.
    files ??= new Map(plan.files.map((file) => [file.path, file]))
    next[shard]!.set(article.id, renderedEntry(article, (path) => files!.get(path)!))
  }
  await writeRenderCache(libraryDir, plan.site.root, plan.renderer, next, plan.renderCache, fresh)
}
