import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { syncMerges } from '../../../src/main/sync/merges'
import { needsTools } from '../../support/system-tools'
import { makeTeam, tomas } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')

describe.skipIf(gitTool.skip)('sync: an article both clones moved to the trash', { timeout: 120_000 }, () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(() => cleanup?.())

  it('comes out as one trash file, the same on every clone, holding the edit one side made before trashing it', async () => {
    const team = await makeTeam(2, async (library) => void (await library.createArticle({ title: 'Old promo' })), syncMerges)
    cleanup = team.cleanup
    const [a, b] = team.libraries as [Library, Library]
    const id = (await a.listArticles())[0]!.id
    await a.saveArticle(id, { dek: 'Retired in March' })
    await a.trashArticle(id)
    await b.trashArticle(id)

    await team.sync(b, tomas)
    await team.sync(a)
    await team.sync(b, tomas)

    const files = await Promise.all([a, b].map((library) => readdir(join(library.dir, 'trash'))))
    expect(files[0]).toHaveLength(1)
    expect(files[1]).toEqual(files[0])
    const [textA, textB] = await Promise.all([a, b].map((library) => readFile(join(library.dir, 'trash', files[0]![0]!), 'utf8')))
    expect(textB).toBe(textA)
    for (const library of [a, b]) {
      const trash = await library.listTrash()
      expect(trash.map((entry) => [entry.id, entry.title])).toEqual([[id, 'Old promo']])
      const restored = await library.restoreArticle(id)
      expect(restored).toMatchObject({ dek: 'Retired in March' })
      expect(restored.syncConflict).toBeUndefined()
    }
  })
})
