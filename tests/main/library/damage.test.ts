import { hostname } from 'node:os'
import { access, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import type { TrashedArticle } from '../../../src/shared/library-api'
import { INDEX_FILE, JOURNAL_FILE, LOCK_DIR, PROMOS_FILE, SEARCH_FILE } from '../../../src/main/library/layout'
import { openLibrary, type Library } from '../../../src/main/library/library'
import { CHECKLIST_FILE, readChecklistConfig, writeChecklistConfig } from '../../../src/main/library/review-checklist'
import { addFixtureArticles, addHostingPromo, copiedLibrary, tempLibrary } from './temp-library'

/**
 * Every kind of file in the library layout (docs/article-format.md) × every
 * kind of damage. Each time the library opens, its notices say what was set
 * aside, everything acknowledged that the damage did not hit is still there,
 * the library takes a new save, and it opens clean afterwards.
 */

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

interface Setup {
  dir: string
  live: Article[]
  trashed: TrashedArticle
  promoId: string
  revisionId: string
  media: string
}

type Damage = 'empty' | 'truncated' | 'garbage' | 'wrong shape' | 'wrong types'
const damages: Damage[] = ['empty', 'truncated', 'garbage', 'wrong shape', 'wrong types']

/** Valid JSON with the field at `path` given a value of the wrong type. */
const retype = (text: string, path: (string | number)[], value: unknown): string => {
  const root = JSON.parse(text) as Record<string | number, unknown>
  const parent = path.slice(0, -1).reduce((node, key) => node[key] as Record<string | number, unknown>, root)
  parent[path.at(-1)!] = value
  return JSON.stringify(root, null, 2)
}
const lines = (text: string): string[] => text.split('\n').filter(Boolean)

interface FileKind {
  /** The file to damage, relative to the library. */
  file: (s: Setup) => string
  /** Valid JSON that is not what the file should hold; by default an array. */
  wrongShape?: (text: string) => string
  wrongTypes: (text: string) => string
  /** What the opening notices must say, or null when nothing is set aside. */
  notice: (s: Setup, damage: Damage) => RegExp | null
  /** Whether the damage takes this article, or the trashed one, with it. */
  takes?: 'live' | 'trashed'
  /** Checks of its own after opening. */
  check?: (library: Library, s: Setup, damage: Damage) => Promise<void>
}

const setAside = (name: string): RegExp => new RegExp(`“${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” could not be read .*moved to “damaged/\\d+-`)

const kinds: Record<string, FileKind> = {
  'articles/<id>.json': {
    file: (s) => `articles/${s.live[1]!.id}.json`,
    wrongTypes: (text) => retype(text, ['title'], 42),
    notice: (s) => setAside(`articles/${s.live[1]!.id}.json`),
    takes: 'live'
  },
  'trash/<id>@<ms>.json': {
    file: (s) => `trash/${s.trashed.id}@${Date.parse(s.trashed.trashedAt)}.json`,
    wrongTypes: (text) => retype(text, ['updatedAt'], 1700000000),
    notice: (s) => setAside(`trash/${s.trashed.id}@${Date.parse(s.trashed.trashedAt)}.json`),
    takes: 'trashed'
  },
  'revisions/<id>/<rev>.json': {
    file: (s) => `revisions/${s.live[0]!.id}/${s.revisionId}.json`,
    wrongTypes: (text) => retype(text, ['info', 'words'], 'many'),
    // Revisions are read when listed, not when opening: a damaged one is left out of the history.
    notice: () => null,
    async check(library, s) {
      const history = await library.listRevisions(s.live[0]!.id)
      expect(history.map((r) => r.id)).not.toContain(s.revisionId)
      expect(history.length).toBeGreaterThan(0)
      for (const info of history) expect(typeof info.words).toBe('number')
      await expect(library.getRevision(s.live[0]!.id, s.revisionId)).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/could not be read/) })
    }
  },
  'media/<random>-<name>.<ext>': {
    file: (s) => s.media,
    wrongTypes: (text) => text.replace('PNG', 'GIF'),
    notice: () => null
  },
  [PROMOS_FILE]: {
    file: () => PROMOS_FILE,
    wrongShape: () => JSON.stringify({ formatVersion: 1, promos: { hosting: true } }),
    wrongTypes: (text) => retype(text, ['promos', 0, 'url'], 42),
    notice: () => setAside(PROMOS_FILE),
    async check(library) {
      expect(await library.listPromos()).toEqual([])
    }
  },
  [CHECKLIST_FILE]: {
    file: () => CHECKLIST_FILE,
    wrongTypes: (text) => retype(text, ['titleLength', 'min'], 'ten'),
    // Documented: refused in plain words when used, never replaced by the defaults.
    notice: () => null,
    async check(library) {
      await expect(readChecklistConfig(library.dir)).rejects.toMatchObject({ message: expect.stringMatching(/checklist settings \(review-checklist\.json\) cannot be used/) })
    }
  },
  [INDEX_FILE]: {
    file: () => INDEX_FILE,
    // The first entry's line (a row: its file's modification time is the 16th value), the seal left as it was.
    wrongTypes: (text) => {
      const [header, first, ...rest] = text.split('\n')
      return [header, retype(first!, [15], 'yesterday').replace(/\n\s*/g, ''), ...rest].join('\n')
    },
    notice: () => /^The library index was damaged, so it was rebuilt from 4 article files\. The damaged copy was kept as “damaged\/\d+-copydesk-library\.json”\.$/
  },
  [JOURNAL_FILE]: {
    file: () => JOURNAL_FILE,
    // The shapes an audit found stopping the library: a line that is null, a number, an entry without its stamp.
    wrongShape: (text) => {
      const [header, first, ...rest] = lines(text)
      const { stamp: _stamp, ...unstamped } = (JSON.parse(first!) as { entry: Record<string, unknown> }).entry
      return [header, 'null', '42', JSON.stringify({ put: 'articles', entry: unstamped }), first, ...rest, ''].join('\n')
    },
    wrongTypes: (text) => {
      const [header, ...ops] = lines(text)
      const last = JSON.parse(ops.at(-1)!) as { entry?: { title: unknown }; id?: unknown }
      if (last.entry) last.entry.title = 42
      else last.id = 42
      return [header, ...ops.slice(0, -1), JSON.stringify(last), ''].join('\n')
    },
    // A journal cut short ends in a half-written line, as after a crash: ignored, and the files fill the gap.
    notice: (_s, damage) =>
      damage === 'truncated'
        ? null
        : /^The library index journal \(copydesk-library\.journal\) had (a line|\d+ lines) that could not be read, so (it was|they were) set aside and the index was rebuilt from 4 article files\. The damaged journal was kept as “damaged\/\d+-copydesk-library\.journal”\.$/
  },
  [SEARCH_FILE]: {
    file: () => SEARCH_FILE,
    wrongShape: () => '[1, 2, 3]',
    wrongTypes: (text) => text.replace('copydesk-search', 'copydesk-searcH'),
    // A cache with a checksum: rebuilt from the articles, nothing to tell.
    notice: () => null,
    async check(library, s) {
      expect((await library.listArticles({ query: 'deepfakes' })).map((h) => h.id)).toContain(s.live[0]!.id)
    }
  },
  [`${LOCK_DIR}/owner`]: {
    file: () => `${LOCK_DIR}/owner`,
    wrongShape: () => '[1, 2, 3]',
    wrongTypes: (text) => retype(text, ['pid'], '999999999'),
    // A lock whose owner cannot be read is taken over once stale: opening waits for that (see damage()), then goes on.
    notice: () => null,
    async check(library, s) {
      await library.saveArticle(s.live[0]!.id, { dek: 'After the lock' })
      expect(await exists(join(s.dir, LOCK_DIR))).toBe(false)
    }
  },
  'damaged/<ms>-<name>': {
    file: () => 'damaged/1700000000000-copydesk-library.json',
    wrongTypes: (text) => text.replace('"name"', '"name":1,"x"'),
    notice: () => null
  }
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false)
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A library with every kind of file: live, trashed and revised articles, a promo, an image, checklist settings, the search index. */
async function populated(): Promise<Setup & { cleanup: () => Promise<void> }> {
  const session = await tempLibrary()
  const live = await addFixtureArticles(session.library)
  const promoId = await addHostingPromo(session.library)
  const { src: media } = await session.library.addMedia('beach.png', png)
  await writeChecklistConfig(session.dir, { titleLength: { min: 5, max: 80 } })
  // Rebuilt, the index snapshot holds these three; what follows goes to the journal.
  await rm(join(session.dir, INDEX_FILE))
  const opened = await session.reopen()
  live[0] = await opened.saveArticle(live[0]!.id, { dek: 'Saved after creation' })
  const gone = await opened.createArticle({ title: 'Thrown away', dek: 'Into the trash' })
  await opened.trashArticle(gone.id)
  const [revision] = await opened.listRevisions(live[0]!.id)
  await opened.searchReady()
  const trashed = (await opened.listTrash())[0]!
  await opened.close()
  await writeFile(join(session.dir, 'damaged', '1700000000000-copydesk-library.json'), '{"name":"kept aside earlier"}')
  expect(await exists(join(session.dir, SEARCH_FILE)), 'the search index was saved').toBe(true)
  return { dir: session.dir, live, trashed, promoId, revisionId: revision!.id, media, cleanup: session.cleanup }
}

/** The populated library is written once per file; each test damages a copy of it, which reopens as the original would. */
let template: Awaited<ReturnType<typeof populated>>
beforeAll(async () => {
  template = await populated()
}, 120_000)
afterAll(() => template?.cleanup())

async function populatedCopy(): Promise<Setup> {
  const copy = await copiedLibrary(template.dir)
  cleanups.push(copy.cleanup)
  const file = `articles/${template.live[0]!.id}.json`
  const [original, copied] = await Promise.all([stat(join(template.dir, file)), stat(join(copy.dir, file))])
  expect(copied.mtimeMs, 'the copy keeps the modification times the index stamps record').toBe(original.mtimeMs)
  return { ...template, dir: copy.dir }
}

async function damage(kind: FileKind, s: Setup, what: Damage): Promise<{ file: string; bytes: Buffer }> {
  const file = join(s.dir, kind.file(s))
  if (file.endsWith(`${LOCK_DIR}/owner`)) {
    await mkdir(join(s.dir, LOCK_DIR))
    await writeFile(file, JSON.stringify({ pid: 999_999_999, host: hostname(), token: 'a-writer-long-gone' }))
  }
  const original = await readFile(file)
  const text = original.toString('utf8')
  const bytes = Buffer.from(
    what === 'empty' ? ''
    : what === 'truncated' ? original.subarray(0, Math.floor(original.length / 2))
    : what === 'garbage' ? Buffer.from([0x00, 0xff, 0x7b, 0x22, 0x0a, 0x9c, 0x5d, 0x0a, 0x67, 0x61, 0x72, 0x62, 0x0a])
    : what === 'wrong shape' ? (kind.wrongShape ?? (() => '[1, 2, 3]'))(text)
    : kind.wrongTypes(text)
  )
  expect(bytes.equals(original), 'the damage changes the file').toBe(false)
  await writeFile(file, bytes)
  // A lock whose owner cannot be read is taken over once stale (2 s). One damage meets the lock fresh, so opening
  // waits that out here too (lock.test.ts covers the wait itself); for the others the lock is as old as when the user
  // comes back later, which spares four such waits.
  if (file.endsWith(`${LOCK_DIR}/owner`) && what !== 'truncated') {
    const later = new Date(Date.now() - 60_000)
    await utimes(join(s.dir, LOCK_DIR), later, later)
  }
  return { file, bytes }
}

describe('opening a library with a damaged file', () => {
  const cases = Object.entries(kinds).flatMap(([name, kind]) => damages.map((what) => [name, what, kind] as const))

  it.each(cases)('%s, %s: opens, says what was set aside, loses nothing acknowledged', async (name, what, kind) => {
    const s = await populatedCopy()
    const { bytes } = await damage(kind, s, what)
    const library = await openLibrary(s.dir, 'existing')
    cleanups.push(() => library.close())

    const expected = kind.notice(s, what)
    const notices = library.info().notices
    if (expected) {
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatch(expected)
    } else {
      expect(notices).toEqual([])
    }
    if (expected && name !== JOURNAL_FILE && name !== INDEX_FILE) {
      // What was set aside is kept byte for byte.
      const kept = await Promise.all((await readdir(join(s.dir, 'damaged'))).map((n) => readFile(join(s.dir, 'damaged', n))))
      expect(kept.some((b) => b.equals(bytes))).toBe(true)
    }

    const survivors = s.live.filter((a) => kind.takes !== 'live' || a.id !== s.live[1]!.id)
    expect((await library.listArticles({})).map((h) => h.id).sort()).toEqual(survivors.map((a) => a.id).sort())
    for (const article of survivors) expect(await library.getArticle(article.id)).toEqual(article)
    expect((await library.listTrash()).map((t) => t.id)).toEqual(kind.takes === 'trashed' ? [] : [s.trashed.id])
    await kind.check?.(library, s, what)

    await library.saveArticle(s.live[0]!.id, { title: 'Saved after the damage' })
    const again = await openLibrary(s.dir, 'existing')
    try {
      expect(again.info().notices, 'the library opens clean afterwards').toEqual([])
      expect((await again.getArticle(s.live[0]!.id)).title).toBe('Saved after the damage')
    } finally {
      await again.close()
    }
  }, 60_000)
})
