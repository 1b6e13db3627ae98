import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/library'
import { shareLibrary } from '../../../src/main/sync/share-library'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { gitIn, hajra } from './team'

const gitTool = needsTools(['git'], 'sharing makes the library a git repository')

describe.skipIf(gitTool.skip)('sharing a library', { timeout: 60_000 }, () => {
  it('lets saves go on while it stages every file, and its first commit holds what was saved meanwhile', async () => {
    const temp = await makeTempDir('copydesk-share-')
    const library = await openLibrary(join(temp.path, 'library'))
    try {
      const article = await library.createArticle({ title: 'Budget night' })
      let savedDuringShare = false
      const repo = await shareLibrary(library, hajra, undefined, {
        // The share is held here, between staging and committing, until the save has answered: a share holding the library's lock would never let it.
        onStaged: async () => {
          await library.saveArticle(article.id, { dek: 'Saved while the library was being shared' })
          savedDuringShare = true
        }
      })
      expect(savedDuringShare).toBe(true)
      const committed = JSON.parse(await gitIn(repo.dir, 'show', `HEAD:articles/${article.id}.json`)) as { dek: string }
      expect(committed.dek).toBe('Saved while the library was being shared')
      expect(await gitIn(repo.dir, 'status', '--porcelain')).toBe('')
    } finally {
      await library.close()
      await temp.cleanup()
    }
  })
})
