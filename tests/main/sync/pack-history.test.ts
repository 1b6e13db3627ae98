import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitRunCount } from '../../../src/main/git/git-runs'
import { historyNeedsPacking, historyPacked, PACKING_LIMITS } from '../../../src/main/sync/pack-history'
import { syncLibrary } from '../../../src/main/sync/sync'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { gitIn, hajra, makeTeam } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')
const packsIn = async (dir: string): Promise<number> => (await readdir(join(dir, '.git', 'objects', 'pack'))).filter((name) => name.endsWith('.pack')).length

describe('historyNeedsPacking', () => {
  it('estimates loose objects as git does, from one of its 256 object folders, and counts packs not marked to keep', async () => {
    const temp = await makeTempDir('copydesk-pack-history-')
    try {
      const objects = join(temp.path, 'objects')
      await mkdir(join(objects, '17'), { recursive: true })
      await mkdir(join(objects, 'pack'))
      expect(await historyNeedsPacking(temp.path)).toBe(false)
      // 27 × 256 = 6,912 loose objects: past git's 6,700.
      for (let n = 0; n < 27; n++) await writeFile(join(objects, '17', n.toString(16).padStart(38, '0')), '')
      expect(await historyNeedsPacking(temp.path)).toBe(true)
      expect(await historyNeedsPacking(temp.path, { ...PACKING_LIMITS, looseObjects: 7000 })).toBe(false)
      for (let n = 0; n < 3; n++) await writeFile(join(objects, 'pack', `pack-${n}.pack`), '')
      expect(await historyNeedsPacking(temp.path, { looseObjects: 7000, packs: 2 })).toBe(true)
      await writeFile(join(objects, 'pack', 'pack-0.keep'), '')
      expect(await historyNeedsPacking(temp.path, { looseObjects: 7000, packs: 2 })).toBe(false)
    } finally {
      await temp.cleanup()
    }
  })
})

describe.skipIf(gitTool.skip)('a sync packs the library’s history once it is past the limits', { timeout: 60_000 }, () => {
  it('rolls the packs together with git’s geometric repack once the sync has answered, keeping every object, and otherwise starts no git process for it', async () => {
    const team = await makeTeam(1, async (library) => void (await library.createArticle({ title: 'Packed' })))
    try {
      const [a] = team.libraries as [(typeof team.libraries)[0]]
      // Two packs, as a string of syncs leaves them.
      await gitIn(a.dir, 'repack', '-d', '-q')
      await a.createArticle({ title: 'Second' })
      expect((await team.sync(a)).state).toBe('synced')
      await gitIn(a.dir, 'repack', '-d', '-q')
      expect(await packsIn(a.dir)).toBe(2)
      const head = (await gitIn(a.dir, 'rev-parse', 'HEAD')).trim()

      // Under the limits: the sync neither packs nor starts a process to ask.
      const runs = gitRunCount()
      expect((await team.sync(a)).state).toBe('synced')
      const quietRuns = gitRunCount() - runs
      expect(await packsIn(a.dir)).toBe(2)

      const steps: string[] = []
      const before = gitRunCount()
      const packingLimits = { looseObjects: PACKING_LIMITS.looseObjects, packs: 1 }
      const status = await syncLibrary(a, { ...team.merge, author: hajra, packingLimits, onStep: (step) => steps.push(step) })
      expect(status.state).toBe('synced')
      // Housekeeping after the sync's answer, which does not wait for it.
      await historyPacked(a.dir)
      expect(steps.at(-1)).toBe('packing')
      expect(gitRunCount() - before).toBe(quietRuns + 1)
      expect(await packsIn(a.dir)).toBe(1)
      expect((await gitIn(a.dir, 'rev-parse', 'HEAD')).trim()).toBe(head)
      await gitIn(a.dir, 'fsck', '--no-progress', '--strict')
      expect((await a.listArticles()).map((hit) => hit.title).sort()).toEqual(['Packed', 'Second'])
    } finally {
      await team.cleanup()
    }
  })
})
