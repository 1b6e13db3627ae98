import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Article, EditableFields } from '../../src/shared/article/article'
import type { Promo } from '../../src/shared/article/promo'
import { newArticle, newId } from '../../src/main/library/article-rules'
import { libraryPaths, parseArticleFileName, parseTrashFileName } from '../../src/main/library/layout'
import { openLibrary, type Library } from '../../src/main/library/library'

/**
 * Seeds libraries for the sidebar and promo end-to-end tests through the
 * library module itself, and reads back what really reached the disk.
 */

/** The part of a fixture article a writer edits, to create it afresh in a test library. */
export function editableFields(article: Article): Partial<EditableFields> {
  const { formatVersion: _format, id: _id, createdAt: _created, updatedAt: _updated, related: _related, ...fields } = article
  return fields
}

export const promoInput = ({ id: _id, createdAt: _created, updatedAt: _updated, ...input }: Promo) => input

/** Opens the library in `dir` (creating it), runs `seed`, and closes it so the app opens it fresh. */
export async function seedLibrary<T>(dir: string, seed: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary(dir)
  try {
    return await seed(library)
  } finally {
    await library.close()
  }
}

/**
 * A library of `count` articles titled "Seed article 00001"…, fast: the first
 * goes through createArticle (so the index exists), the rest are written as
 * article files and indexed when the library next opens, as it does for files
 * another process added. Ten thousand creates one by one would take minutes
 * of revision and journal writes.
 */
export async function seedManyArticles(dir: string, count: number): Promise<void> {
  const title = (n: number): string => `Seed article ${String(n).padStart(5, '0')}`
  await seedLibrary(dir, (library) => library.createArticle({ title: title(1) }))
  const base = Date.parse('2025-01-01T00:00:00.000Z')
  const article = (n: number): Article => {
    const status = (['draft', 'in-review', 'approved', 'published'] as const)[n % 4]
    return newArticle({ title: title(n), status, tags: [`batch-${n % 10}`] }, newId(), new Date(base + n * 60_000).toISOString(), () => false)
  }
  await writeArticleFiles(dir, Array.from({ length: count - 1 }, (_, i) => article(i + 2)))
  // Opening indexes the new files now, so the app later opens an up-to-date library as a writer would.
  await seedLibrary(dir, async () => undefined)
}

/**
 * Writes `articles` into the library in `dir` as article files, as the library writes them less the fsync and
 * many at a time: a fixture needs no crash safety, and 10,000 fsynced writes one by one took most of a minute.
 * The library indexes them when it next opens, as it does for files another process added.
 */
export async function writeArticleFiles(dir: string, articles: readonly Article[]): Promise<void> {
  const paths = libraryPaths(dir)
  await mkdir(paths.articles, { recursive: true })
  for (let start = 0; start < articles.length; start += 64) {
    await Promise.all(articles.slice(start, start + 64).map((article) => writeFile(paths.article(article.id), `${JSON.stringify(article, null, 2)}\n`)))
  }
}

/** One article file of the library, parsed. */
export async function articleOnDisk(dir: string, id: string): Promise<Article> {
  return JSON.parse(await readFile(libraryPaths(dir).article(id), 'utf8')) as Article
}

/** Every article file in the library's articles folder, parsed. */
export async function articlesOnDisk(dir: string): Promise<Article[]> {
  const ids = (await readdir(libraryPaths(dir).articles)).flatMap((name) => parseArticleFileName(name) ?? [])
  return Promise.all(ids.map((id) => articleOnDisk(dir, id)))
}

/** Ids of the articles whose files sit in the library's trash folder. */
export async function trashedIdsOnDisk(dir: string): Promise<string[]> {
  const names = await readdir(libraryPaths(dir).trash)
  return names.flatMap((name) => parseTrashFileName(name)?.id ?? [])
}

/** The articles whose files sit in the library's trash folder, parsed. */
export async function trashedOnDisk(dir: string): Promise<Article[]> {
  const folder = libraryPaths(dir).trash
  const names = (await readdir(folder)).filter((name) => parseTrashFileName(name))
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as Article))
}

/** The promos as stored in the library's promo file. */
export async function promosOnDisk(dir: string): Promise<Promo[]> {
  const text = await readFile(libraryPaths(dir).promos, 'utf8').catch(() => '{"promos":[]}')
  return (JSON.parse(text) as { promos: Promo[] }).promos
}
