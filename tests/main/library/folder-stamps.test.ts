import { execFile } from 'node:child_process'
import { lstat, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Article } from '../../../src/shared/article/article'
import { newArticle, newId } from '../../../src/main/library/article-rules'
import { stampInThread } from '../../../src/main/library/folder-stamps'
import { IndexStore, type JournalOp } from '../../../src/main/library/index-store'
import { libraryPaths } from '../../../src/main/library/layout'
import { reconcile } from '../../../src/main/library/reconcile'
import { forgetBundledThread, useBundledThread } from '../../../src/main/threads/bundled-threads'
import { sharedStampWork, STAMP_BLOCK, stampBlock, stampPaths, stampWorkOf } from '../../../src/main/library/stamp-work'
import { addFixtureArticles, copiedLibrary, tempLibrary } from './temp-library'

const execFileAsync = promisify(execFile)
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** What opening `dir` would change in its index, with its files stamped on the stamp thread or, without `thread`, by reconcile itself. */
async function check(dir: string, thread: boolean): Promise<{ ops: JournalOp[]; notices: string[] }> {
  const paths = libraryPaths(dir)
  // A threshold of 0 bytes: the stamp thread takes any library with a snapshot, as it takes a big one.
  const stamped = thread ? await stampInThread(paths, 0) : null
  if (thread) expect(stamped).not.toBeNull()
  const { store, problem } = await IndexStore.load(paths, 'library')
  expect(problem).toBeNull()
  return reconcile(store, paths, problem, { stamped })
}

const byId = (op: JournalOp): string => ('put' in op ? `${op.put} ${op.entry.id}` : `drop ${op.drop} ${op.id}`)

/** A library of three articles, one of them trashed, closed, then changed behind its back; and a copy of it. */
async function changedLibrary(): Promise<{ dirs: [string, string]; articles: Article[]; added: Article }> {
  const session = await tempLibrary()
  cleanups.push(session.cleanup)
  const articles = await addFixtureArticles(session.library)
  await session.library.trashArticle(articles[1]!.id)
  await session.library.close()
  const articlesDir = join(session.dir, 'articles')
  // Edited in place by hand, removed, added by a copy, and a write interrupted before its rename.
  await writeFile(join(articlesDir, `${articles[0]!.id}.json`), JSON.stringify({ ...articles[0]!, title: 'Edited by hand' }, null, 2))
  await rm(join(articlesDir, `${articles[2]!.id}.json`))
  const added = newArticle({ title: 'Copied in' }, newId(), new Date().toISOString(), () => false)
  await writeFile(join(articlesDir, `${added.id}.json`), JSON.stringify(added))
  await writeFile(join(articlesDir, `${added.id}.json.123456789`), '{"partial":')
  // The trash's names are parsed on the main thread, its other entries too are the thread's to report.
  await writeFile(join(session.dir, 'trash', `${articles[1]!.id}@1700000000000.json.987654321`), '{"partial":')
  const copy = await copiedLibrary(session.dir)
  cleanups.push(copy.cleanup)
  return { dirs: [session.dir, copy.dir], articles, added }
}

describe('stamping the article files on a thread of their own', () => {
  it('finds an article edited, removed and added behind the library’s back, as stamping them on the main thread does', async () => {
    const { dirs, articles, added } = await changedLibrary()
    const inThread = await check(dirs[0], true)
    const inline = await check(dirs[1], false)
    expect(inThread.ops.map(byId).sort()).toEqual([`articles ${added.id}`, `articles ${articles[0]!.id}`, `drop articles ${articles[2]!.id}`].sort())
    expect(inThread.ops.find((op) => 'put' in op && op.entry.id === articles[0]!.id)).toMatchObject({ entry: { title: 'Edited by hand' } })
    expect(inThread.notices).toEqual([`“${articles[2]!.title}” was listed but its file is gone, so it was taken off the list.`])
    // The same changes with the same stamps, to the nanosecond the files carry: the thread's checks are the main
    // thread's. Sorted: the order follows each folder's listing (the copy's differs) and which reread ended first.
    const sorted = (ops: JournalOp[]) => [...ops].sort((a, b) => byId(a).localeCompare(byId(b)))
    expect(sorted(inThread.ops)).toEqual(sorted(inline.ops))
    expect(inThread.notices).toEqual(inline.notices)
    for (const dir of dirs) {
      expect(await readdir(join(dir, 'articles'))).toEqual(expect.not.arrayContaining([`${added.id}.json.123456789`]))
      expect(await readdir(join(dir, 'trash'))).toEqual([expect.stringMatching(new RegExp(`^${articles[1]!.id}@\\d+\\.json$`))])
    }
  })

  it('trusts a file whose stamp matches its entry without reading it, as the main thread does', async () => {
    const session = await tempLibrary()
    cleanups.push(session.cleanup)
    const articles = await addFixtureArticles(session.library)
    await session.library.close()
    expect(await check(session.dir, true)).toEqual({ ops: [], notices: [] })
    // Same size, and the time put back to the nanosecond (touch -r): only reading it would show it is not JSON.
    const file = join(session.dir, 'articles', `${articles[0]!.id}.json`)
    const reference = join(session.dir, 'reference')
    await execFileAsync('cp', ['-a', file, reference])
    await writeFile(file, 'x'.repeat((await lstat(file)).size))
    await execFileAsync('touch', ['-m', '-r', reference, file])
    expect(await check(session.dir, true)).toEqual({ ops: [], notices: [] })
    // One byte more, and the thread's stamp differs: the file is read, found unreadable and set aside.
    await writeFile(file, 'x'.repeat((await lstat(file)).size + 1))
    await execFileAsync('touch', ['-m', '-r', reference, file])
    const { ops, notices } = await check(session.dir, true)
    expect(ops).toEqual([{ drop: 'articles', id: articles[0]!.id }])
    expect(notices[0]).toContain(`articles/${articles[0]!.id}.json`)
  })

  it('fails as listing the folder on the main thread fails when the article folder is gone', async () => {
    const session = await tempLibrary()
    cleanups.push(session.cleanup)
    await addFixtureArticles(session.library)
    await session.library.close()
    await rm(join(session.dir, 'articles'), { recursive: true })
    await expect(check(session.dir, true)).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(check(session.dir, false)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  // A build whose stamp thread is broken: its script is not there (the thread fails once started), or its name is not
  // one a thread can start from (starting it throws at once, as in a build that names no stamp thread).
  it.each([
    { broken: 'a missing script', script: (dir: string) => join(dir, 'no-such-stamp-worker.js'), said: 'the stamp thread failed' },
    { broken: 'a name no thread starts from', script: () => 'no-such-stamp-worker.js', said: 'the stamp thread could not start' }
  ])('still opens, checking the files on the main thread, when the stamp thread cannot run ($broken)', async ({ script, said }) => {
    const { dirs, articles, added } = await changedLibrary()
    useBundledThread('stamps', script(dirs[0]))
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const paths = libraryPaths(dirs[0])
      const stamped = await stampInThread(paths, 0)
      const { store, problem } = await IndexStore.load(paths, 'library')
      const { ops } = await reconcile(store, paths, problem, { stamped })
      expect(ops.map(byId).sort()).toEqual([`articles ${added.id}`, `articles ${articles[0]!.id}`, `drop articles ${articles[2]!.id}`].sort())
      expect(warned).toHaveBeenCalledWith(expect.stringContaining(said), expect.any(String))
    } finally {
      warned.mockRestore()
      forgetBundledThread('stamps')
    }
  })

  it('shares the stamping between threads by blocks of files, each file stamped once, one that vanished as NaN', async () => {
    const session = await tempLibrary()
    cleanups.push(session.cleanup)
    await session.library.close()
    const ids = Array.from({ length: STAMP_BLOCK * 2 + 3 }, () => newId())
    const articlesDir = join(session.dir, 'articles')
    for (const [i, id] of ids.entries()) await writeFile(join(articlesDir, `${id}.json`), 'x'.repeat(i))
    const trashNames = [`${newId()}@1700000000000.json`]
    await writeFile(join(session.dir, 'trash', trashNames[0]!), 'trashed')
    const vanished = newId()
    const { buffer, work } = sharedStampWork(ids.length + 1 + trashNames.length)
    const pathOf = stampPaths(articlesDir, [...ids, vanished], join(session.dir, 'trash'), trashNames)
    // A second view of the same memory, as the other thread has it: the blocks either takes are gone for both.
    const other = stampWorkOf(buffer)
    expect(stampBlock(other, pathOf)).toBe(true)
    const taken: number[] = []
    while (stampBlock(work, pathOf)) taken.push(work.next[0]!)
    expect(taken).toHaveLength(2)
    expect(stampBlock(other, pathOf)).toBe(false)
    const files = [...ids.map((id) => join(articlesDir, `${id}.json`)), null, join(session.dir, 'trash', trashNames[0]!)]
    for (const [i, file] of files.entries()) {
      const stats = file ? await lstat(file) : null
      expect([work.stamps[i * 2], work.stamps[i * 2 + 1]]).toEqual(stats ? [stats.mtimeMs, stats.size] : [NaN, NaN])
    }
  })
})

