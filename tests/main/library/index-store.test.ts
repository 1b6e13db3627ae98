import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { newArticle, newId } from '../../../src/main/library/article-rules'
import { IndexStore, type JournalOp } from '../../../src/main/library/index-store'
import { libraryPaths } from '../../../src/main/library/layout'
import { indexEntry } from '../../../src/main/library/summary'
import { tempLibrary } from './temp-library'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const put = (n: number): JournalOp => {
  const article = newArticle({ title: `Article ${n}` }, newId(), new Date().toISOString(), () => false)
  return { put: 'articles', entry: indexEntry(article, { mtimeMs: 1, size: 1 }) }
}

describe('the index journal', () => {
  it('is folded into the snapshot once it outgrows a quarter of the index, so an opening reads a short journal and need not fold it', async () => {
    const session = await tempLibrary()
    cleanups.push(session.cleanup)
    await session.library.close()
    const paths = libraryPaths(session.dir)
    const { store } = await IndexStore.load(paths, 'library')
    const journalLines = async () => (await readFile(paths.journal, 'utf8')).split('\n').length - 2
    // 2,400 entries at once (an import), then saves 50 at a time: a quarter of the index is 600 lines, then more.
    const batches = [Array.from({ length: 2400 }, (_, n) => put(n)), ...Array.from({ length: 20 }, (_, n) => Array.from({ length: 50 }, (__, i) => put(10_000 + 50 * n + i)))]
    const lengths: number[] = []
    for (const batch of batches) {
      await store.record(batch)
      lengths.push(await journalLines())
    }
    // Past 500 lines (the least any library may hold), and never more than a quarter of the entries and one batch.
    expect(Math.max(...lengths)).toBeGreaterThan(500)
    expect(Math.max(...lengths)).toBeLessThanOrEqual(3400 / 4 + 50)

    const reopened = await IndexStore.load(paths, 'library')
    expect(reopened.problem).toBeNull()
    expect(reopened.store.articles.size).toBe(3400)
    expect(reopened.store.wantsCompaction(0)).toBe(false)
  })
})
