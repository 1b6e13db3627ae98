import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Article, EditableFields } from '../../../src/shared/article/article'
import type { PromoInput } from '../../../src/shared/article/promo'
import { openLibrary, type Library, type OpenOptions } from '../../../src/main/library/library'
import { hostingPromo, netflixArticle, relatedArticles } from '../../fixtures/netflix'
import { makeTempDir } from '../../support/temp-dir'

/**
 * A real library in a fresh temp folder; `reopen` closes it and opens the same folder again, as a restart would.
 * Every save is its own revision unless `options` say otherwise: only the editing-session tests are about grouping them.
 */
export async function tempLibrary(
  options: OpenOptions = { sessionQuietMs: 0 }
): Promise<{ library: Library; dir: string; reopen: () => Promise<Library>; cleanup: () => Promise<void> }> {
  const temp = await makeTempDir('copydesk-library-')
  const session = {
    library: await openLibrary(temp.path, undefined, options),
    dir: temp.path,
    async reopen() {
      await session.library.close()
      session.library = await openLibrary(temp.path, undefined, options)
      return session.library
    },
    async cleanup() {
      await session.library.close()
      await temp.cleanup()
    }
  }
  return session
}

/**
 * A copy of the closed library at `template` in a fresh temp folder, for files whose tests each need the same
 * populated library to damage or change: copying it costs a fraction of writing it again through the atomic,
 * fsynced saves. `cp -a` keeps the files' modification times to the nanosecond, so the copy's index stamps
 * match its files as they matched the original's, and it opens as the original would (Node's fs.cp rounds
 * them to the millisecond, and the library would then read every article again).
 */
export async function copiedLibrary(template: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const temp = await makeTempDir('copydesk-library-copy-')
  const dir = join(temp.path, 'library')
  await promisify(execFile)('cp', ['-a', template, dir])
  return { dir, cleanup: temp.cleanup }
}

type TempLibrary = Awaited<ReturnType<typeof tempLibrary>>

/**
 * Gives each test of the calling file its own temp library (or, with `once`, one for
 * the whole file), runs `prepare` on it, and removes it afterwards. The returned
 * handle always points at the current test's library, so a file keeps one handle.
 */
export function useTempLibrary(
  prepare?: (library: Library) => Promise<void> | void,
  { once = false, options }: { once?: boolean; options?: OpenOptions } = {}
): Omit<TempLibrary, 'cleanup'> {
  let current: TempLibrary | undefined
  const open = (): TempLibrary => {
    if (!current) throw new Error('The temp library is only open while a test runs')
    return current
  }
  const [before, after] = once ? [beforeAll, afterAll] : [beforeEach, afterEach]
  before(async () => {
    current = await tempLibrary(options)
    await prepare?.(current.library)
  })
  after(async () => {
    await current?.cleanup()
    current = undefined
  })
  return {
    get library() {
      return open().library
    },
    get dir() {
      return open().dir
    },
    reopen: () => open().reopen()
  }
}

/** The Netflix fixture as the fields a writer (or an import) hands to the library. */
export function netflixFields(): Partial<EditableFields> {
  const { id: _id, formatVersion: _v, createdAt: _c, updatedAt: _u, ...fields } = netflixArticle()
  return fields
}

export function relatedFields(): Partial<EditableFields>[] {
  return relatedArticles().map(({ id: _id, formatVersion: _v, createdAt: _c, updatedAt: _u, ...fields }) => fields)
}

/** The Netflix fixture then its related articles, created in `library` in that order. */
export async function addFixtureArticles(library: Library): Promise<Article[]> {
  const articles = [await library.createArticle(netflixFields())]
  for (const fields of relatedFields()) articles.push(await library.createArticle(fields))
  return articles
}

/** The fixture's "Hosting 75% off" promo, saved under its own id so the fixture's promo slots point at it. */
export async function addHostingPromo(library: Library): Promise<string> {
  const { id, createdAt: _c, updatedAt: _u, ...input } = hostingPromo()
  await library.savePromo(input satisfies PromoInput, id)
  return id
}
