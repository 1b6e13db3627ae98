import { execFile } from 'node:child_process'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import type { Article, ArticleStatus } from '../../../src/shared/article/article'
import type { BodyNode } from '../../../src/shared/article/body'
import { writeArticleFile } from '../../../src/main/library/article-files'
import { libraryPaths } from '../../../src/main/library/layout'
import { openLibrary, type Library } from '../../../src/main/library/library'
import { changeStatus } from '../../../src/main/library/review-status'
import { fixtureArticles, hostingPromo } from '../../fixtures/netflix'

/**
 * A real library holding the Netflix fixture (three approved articles that
 * link to each other, and the "Hosting 75% off" promo they place). The
 * articles keep their fixture ids, so they are written as article files and
 * indexed when the library opens, as it does for files another process added.
 */
export async function fixtureLibrary(dir: string, articles: Article[] = fixtureArticles()): Promise<Library> {
  const first = await openLibrary(dir)
  const { id, createdAt: _c, updatedAt: _u, ...promo } = hostingPromo()
  await first.savePromo(promo, id)
  await first.close()
  for (const article of articles) await writeArticleFile(libraryPaths(dir).article(article.id), article)
  return openLibrary(dir)
}

/** Moves an article through the review workflow as an editor would: unpublishing, sending back to review, publishing. */
export const moveTo = (library: Library, id: string, to: ArticleStatus): Promise<Article> =>
  changeStatus(library, { id, to }, { name: 'Test Editor', role: 'editor' })

/** `count` approved copies of the Netflix article, each with its own id, slug and title. */
export function manyArticles(count: number): Article[] {
  const [netflix] = fixtureArticles()
  return Array.from({ length: count }, (_, n) => ({
    ...netflix!,
    id: `bulk${String(n).padStart(6, '0')}-article`,
    slug: `bulk-article-${n}`,
    title: `Bulk article ${n}`,
    createdAt: new Date(Date.parse('2025-01-01T00:00:00.000Z') + n * 60_000).toISOString(),
    related: []
  }))
}

/** A 1×1 PNG: real image bytes, as addMedia requires. */
export const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

export const imageNode = (src: string, alt: string): BodyNode => ({ type: 'image', attrs: { src, alt, title: null } })

/** Every file under `dir` (relative path → bytes and mtime), to prove what an export did or did not touch. */
export async function snapshot(dir: string): Promise<Map<string, { bytes: string; mtimeMs: number }>> {
  const files = new Map<string, { bytes: string; mtimeMs: number }>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const rel = relative(dir, path)
    if (rel.startsWith('.git/')) continue
    files.set(rel, { bytes: (await readFile(path)).toString('base64'), mtimeMs: (await stat(path)).mtimeMs })
  }
  return files
}

export const git = async (cwd: string, ...args: string[]): Promise<string> => (await promisify(execFile)('git', args, { cwd })).stdout

/** A real repository with one commit on main, as a site repo would be. */
export async function initSiteRepo(dir: string): Promise<void> {
  await git(dir, 'init', '--quiet', '--initial-branch=main')
  await git(dir, 'config', 'user.name', 'Site Editor')
  await git(dir, 'config', 'user.email', 'editor@example.com')
  await writeFile(join(dir, 'hugo.toml'), 'title = "Site"\n')
  await git(dir, 'add', 'hugo.toml')
  await git(dir, 'commit', '--quiet', '-m', 'Start the site')
}
