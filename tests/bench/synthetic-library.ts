import { access, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeArticleFile } from '../../src/main/library/article-files'
import { newArticle, newId } from '../../src/main/library/article-rules'
import { libraryPaths } from '../../src/main/library/layout'
import { openLibrary } from '../../src/main/library/library'
import { hostingPromo } from '../fixtures/netflix'
import { ms, timed } from './section'
import { syntheticArticles } from './synthetic-articles'

/**
 * A library of `size` synthetic articles (with the fixture's promo their slots
 * show) in the OS temp folder under `folderName`, written straight through the
 * library's own article writer and indexed by one opening, as files added by
 * another process would be. A complete folder from an earlier run is reused,
 * so put a version in `folderName` and bump it when the articles or the format change.
 */
export async function cachedSyntheticLibrary(folderName: string, size: number, print: (line: string) => void): Promise<string> {
  const dir = join(tmpdir(), folderName)
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
          const n = start + i + j
          const article = newArticle({ ...f, title: `${f.title} #${n}` }, newId(), new Date(base + n * 60_000).toISOString(), () => false)
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
