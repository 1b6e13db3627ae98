import { access, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeRepo, findLibraryRepo } from '../../../src/main/sync/library-repo'
import { fetchRemote } from '../../../src/main/sync/remote'
import { needsTools } from '../../support/system-tools'
import { gitIn, makeTeam, tomas } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')

describe.skipIf(gitTool.skip)('reaching the remote while another git process moves a branch (a push a crash left running)', () => {
  it('a fetch waits until our copy of the remote branch is free, then fetches', async () => {
    const team = await makeTeam(2, async (library) => void (await library.createArticle({ title: 'Shared' })))
    const [a, b] = team.libraries as [(typeof team.libraries)[0], (typeof team.libraries)[0]]
    const repo = (await findLibraryRepo(a.dir))!
    try {
      await b.createArticle({ title: 'Written there' })
      expect((await team.sync(b, tomas)).state).toBe('synced')
      const theirs = (await gitIn(b.dir, 'rev-parse', 'HEAD')).trim()
      // git's own sign that a process is writing the ref: its lock file, held here for 700 ms, as the orphaned push
      // holds it while it moves the ref. A fetch meanwhile fails with "cannot lock ref".
      const lock = join(a.dir, '.git', 'refs', 'remotes', 'origin', 'main.lock')
      await writeFile(lock, `${theirs}\n`)
      const released = new Promise((done) => setTimeout(() => void rm(lock).then(done), 700))

      await expect(fetchRemote(repo, repo.remoteUrl!)).resolves.toBeNull()
      await released
      expect((await gitIn(a.dir, 'rev-parse', 'refs/remotes/origin/main')).trim()).toBe(theirs)
    } finally {
      await closeRepo(repo)
      await team.cleanup()
    }
  })

  it("a sync's push waits until the remote's branch is free, then pushes", async () => {
    const team = await makeTeam(1, async (library) => void (await library.createArticle({ title: 'Shared' })))
    const [a] = team.libraries as [(typeof team.libraries)[0]]
    try {
      await a.createArticle({ title: 'Written here' })
      const lock = join(team.remote, 'refs', 'heads', 'main.lock')
      await writeFile(lock, `${(await gitIn(team.remote, 'rev-parse', 'main')).trim()}\n`)
      const released = new Promise((done) => setTimeout(() => void rm(lock).then(done), 700))

      expect(await team.sync(a)).toMatchObject({ state: 'synced', ahead: 0, behind: 0, lastError: null })
      await released
      expect((await gitIn(team.remote, 'rev-parse', 'main')).trim()).toBe((await gitIn(a.dir, 'rev-parse', 'HEAD')).trim())
    } finally {
      await team.cleanup()
    }
  })

  it("a sync's push clears the remote's branch lock a killed push left in a folder on this machine, then pushes", async () => {
    const team = await makeTeam(1, async (library) => void (await library.createArticle({ title: 'Shared' })))
    const [a] = team.libraries as [(typeof team.libraries)[0]]
    try {
      await a.createArticle({ title: 'Written after the crash' })
      // What a sync killed while its push moved the branch leaves in the remote: receive-pack's lock, never released.
      const lock = join(team.remote, 'refs', 'heads', 'main.lock')
      await writeFile(lock, `${(await gitIn(team.remote, 'rev-parse', 'main')).trim()}\n`)

      expect(await team.sync(a)).toMatchObject({ state: 'synced', ahead: 0, behind: 0, lastError: null })
      expect((await gitIn(team.remote, 'rev-parse', 'main')).trim()).toBe((await gitIn(a.dir, 'rev-parse', 'HEAD')).trim())
      expect(await access(lock).then(() => true, () => false)).toBe(false)
    } finally {
      await team.cleanup()
    }
  })

  it("leaves a remote's branch lock that is still being written, and says the push could not be made", async () => {
    const team = await makeTeam(1, async (library) => void (await library.createArticle({ title: 'Shared' })))
    const [a] = team.libraries as [(typeof team.libraries)[0]]
    const lock = join(team.remote, 'refs', 'heads', 'main.lock')
    // Touched again and again: a push on another machine of the team, however slow, still at work.
    const live = setInterval(() => void utimes(lock, new Date(), new Date()).catch(() => undefined), 100)
    try {
      await a.createArticle({ title: 'Written here' })
      await writeFile(lock, `${(await gitIn(team.remote, 'rev-parse', 'main')).trim()}\n`)
      const before = (await gitIn(team.remote, 'rev-parse', 'main')).trim()

      const status = await team.sync(a)
      expect(status.state).not.toBe('synced')
      expect(status.lastError).toMatch(/stayed busy with another sync moving its branch: try again in a moment \(if it stays busy, a push that crashed there may have left “.*main\.lock”, which can be deleted\)/)
      expect(await access(lock).then(() => true, () => false)).toBe(true)
      expect((await gitIn(team.remote, 'rev-parse', 'main')).trim()).toBe(before)
    } finally {
      clearInterval(live)
      await team.cleanup()
    }
  })
})
