import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/library'
import { netflixFields, tempLibrary } from './temp-library'

/** Sync lists the library's changes before it holds the write lock, and trusts that list only while this count stands still. */
describe('writesSeen', () => {
  it('moves with every write of this process, is null while one is under way, and moves when another process wrote', async () => {
    const session = await tempLibrary()
    try {
      const { library } = session
      const article = await library.createArticle(netflixFields())
      const before = library.writesSeen()
      expect(before).not.toBeNull()
      await library.saveArticle(article.id, { dek: 'Edited here' })
      const afterSave = library.writesSeen()
      expect(afterSave).not.toBe(before)

      const during = await library.applyFileChanges(async () => ({ plain: library.writesSeen(), byTask: library.writesSeenByTask() }))
      expect(during).toEqual({ plain: null, byTask: afterSave })

      // A second opening of the folder stands for another process (the CLI) saving meanwhile.
      const other = await openLibrary(session.dir, 'existing', { sessionQuietMs: 0 })
      const seen = library.writesSeen()
      try {
        await other.saveArticle(article.id, { dek: 'Edited elsewhere' })
      } finally {
        await other.close()
      }
      expect(await library.applyFileChanges(async () => library.writesSeenByTask())).not.toBe(seen)
    } finally {
      await session.cleanup()
    }
  })
})
