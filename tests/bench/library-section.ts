import { access, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article } from '../../src/shared/article/article'
import type { BodyDoc } from '../../src/shared/article/body'
import { writeArticleFile } from '../../src/main/library/article-files'
import { newArticle, newId } from '../../src/main/library/article-rules'
import { libraryPaths } from '../../src/main/library/layout'
import { openLibrary } from '../../src/main/library/library'
import { hostingPromo } from '../fixtures/netflix'
import { mb, ms, percentile, timed, type BenchSection } from './section'
import { sampleWords, syntheticArticles } from './synthetic-articles'

const SIZES = [10, 10_000] as const
const SEARCHES = 100
const SAVES = 100
// Bump when the synthetic articles or the library format change, so stale caches are not reused.
const CACHE_VERSION = 2

/**
 * Builds (or reuses from the OS temp folder) a library of `size` synthetic
 * articles, written straight through the library's own article writer and
 * indexed by one opening, as files added by another process would be.
 */
async function prepare(size: number, print: (line: string) => void): Promise<string> {
  const dir = join(tmpdir(), `copydesk-bench-v${CACHE_VERSION}-${size}`)
  const marker = join(dir, '.bench-complete')
  if (await access(marker).then(() => true, () => false)) return dir
  await rm(dir, { recursive: true, force: true })
  const started = performance.now()
  const { id: promoId, createdAt: _c, updatedAt: _u, ...promo } = hostingPromo()
  const seed = await openLibrary(dir, 'create', { indexNow: false })
  await seed.savePromo(promo, promoId)
  await seed.close()
  const paths = libraryPaths(dir)
  const base = Date.parse('2025-01-01T00:00:00.000Z')
  for (let start = 0; start < size; start += 1000) {
    const fields = syntheticArticles(Math.min(1000, size - start), promoId, start + 1)
    for (let i = 0; i < fields.length; i += 64) {
      await Promise.all(
        fields.slice(i, i + 64).map((f, j) => {
          const article = newArticle({ ...f, title: `${f.title} #${start + i + j}` }, newId(), new Date(base + (start + i + j) * 60_000).toISOString(), () => false)
          return writeArticleFile(paths.article(article.id), article)
        })
      )
    }
  }
  const indexing = await timed(() => openLibrary(dir, 'existing', { indexNow: false }))
  await indexing.value.close()
  await writeFile(marker, '')
  print(`  generated ${size} articles in ${ms(performance.now() - started)} (index rebuilt from files in ${ms(indexing.ms)}), cached in ${dir}`)
  return dir
}

const withEdit = (article: Article, n: number): BodyDoc => {
  const [first, ...rest] = article.body.content
  return { ...article.body, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Edited in save ${n}. ${JSON.stringify(first).length}` }] }, ...rest] }
}

interface Figures {
  open: number
  save50: number
  save95: number
}

async function measure(size: number, print: (line: string) => void): Promise<Figures> {
  const dir = await prepare(size, print)
  const opens: number[] = []
  for (let i = 0; i < 3; i++) {
    const { ms: took, value } = await timed(() => openLibrary(dir, 'existing', { indexNow: false }))
    opens.push(took)
    await value.close()
  }
  const heapBefore = process.memoryUsage().heapUsed
  const library = await openLibrary(dir, 'existing', { indexNow: false })
  const lists: number[] = []
  for (let i = 0; i < 20; i++) lists.push((await timed(() => library.listArticles(i % 2 ? { status: 'approved', sort: 'title' } : {}))).ms)
  const build = await timed(() => library.searchReady())
  const memory = process.memoryUsage()

  const words = sampleWords(syntheticArticles(50, hostingPromo().id, 1), SEARCHES)
  const searches: number[] = []
  let hits = 0
  for (const [i, word] of words.entries()) {
    const query = i % 3 === 0 ? word : i % 3 === 1 ? `${word} ${words[(i * 13) % words.length]}` : word.slice(0, 4)
    const { ms: took, value } = await timed(() => library.listArticles({ query }))
    searches.push(took)
    hits += value.length
  }

  const targets = (await library.listArticles({})).slice(0, 50)
  const articles = await Promise.all(targets.map((t) => library.getArticle(t.id)))
  const saves: number[] = []
  for (let n = 0; n < SAVES; n++) {
    const article = articles[n % articles.length]!
    saves.push((await timed(() => library.saveArticle(article.id, { body: withEdit(article, Date.now() + n) }))).ms)
  }
  await library.close()

  const figures = { open: percentile(opens, 50), save50: percentile(saves, 50), save95: percentile(saves, 95) }
  print(`  ${size} articles`)
  print(`    open            ${ms(figures.open)} (median of 3; the search index then fills in the background)`)
  print(`    search index    ready ${ms(build.ms)} after opening`)
  print(`    list            p50 ${ms(percentile(lists, 50))}, p95 ${ms(percentile(lists, 95))}`)
  print(`    search          p50 ${ms(percentile(searches, 50))}, p95 ${ms(percentile(searches, 95))} (${SEARCHES} queries, ${(hits / SEARCHES).toFixed(0)} hits each on average)`)
  print(`    save            p50 ${ms(figures.save50)}, p95 ${ms(figures.save95)} (${SAVES} body edits, fsynced, with revision)`)
  print(`    memory          heap +${mb(memory.heapUsed - heapBefore)} with the search index, rss ${mb(memory.rss)}`)
  return figures
}

export const librarySection: BenchSection = {
  name: 'library',
  async run(print) {
    const [small, large] = [await measure(SIZES[0], print), await measure(SIZES[1], print)]
    const ratio = (a: number, b: number): string => (b / a).toFixed(2)
    print(`  save cost ${SIZES[1]} vs ${SIZES[0]} articles: p50 ×${ratio(small.save50, large.save50)}, p95 ×${ratio(small.save95, large.save95)} (target ≤ 1.5)`)
    print(`  open ${SIZES[1]} articles: ${ms(large.open)} (target < 500 ms); search p95 target < 50 ms`)
  }
}
