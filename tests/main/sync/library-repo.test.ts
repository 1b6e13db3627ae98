import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitRunCount } from '../../../src/main/git/git-runs'
import { closeRepo, findLibraryRepo, mergeBase } from '../../../src/main/sync/library-repo'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { oneCommitRepo } from '../git/one-commit-repo'
import { gitIn } from './team'

const gitTool = needsTools(['git'], 'sync shares libraries through git')

/** Looks the repository up and ends its object reader; returns what was found and how many git processes it took. */
async function lookUp(dir: string) {
  const runs = gitRunCount()
  const repo = await findLibraryRepo(dir)
  if (repo) await closeRepo(repo)
  return { repo, runs: gitRunCount() - runs }
}

describe.skipIf(gitTool.skip)('findLibraryRepo', () => {
  it('asks git once, then again only when the branch or the config changed', async () => {
    const temp = await makeTempDir('copydesk-library-repo-')
    try {
      await oneCommitRepo(temp.path)
      const first = await lookUp(temp.path)
      expect(first.runs).toBe(2)
      expect(first.repo).toMatchObject({ branch: 'main', remoteUrl: null })
      expect(await lookUp(temp.path)).toMatchObject({ runs: 0, repo: { branch: 'main', remoteUrl: null } })

      await gitIn(temp.path, 'remote', 'add', 'origin', '/somewhere/else.git')
      expect(await lookUp(temp.path)).toMatchObject({ runs: 2, repo: { branch: 'main', remoteUrl: '/somewhere/else.git' } })
      await gitIn(temp.path, 'config', 'filter.strip.clean', 'cat')
      expect((await lookUp(temp.path)).repo?.filters).toContainEqual(['filter.strip.clean', ''])
      await gitIn(temp.path, 'switch', '--quiet', '-c', 'other')
      expect(await lookUp(temp.path)).toMatchObject({ runs: 2, repo: { branch: 'other' } })
      expect((await lookUp(temp.path)).runs).toBe(0)
    } finally {
      await temp.cleanup()
    }
  })

  it('never remembers a config that reads other files, whose changes it could not see', async () => {
    const temp = await makeTempDir('copydesk-library-repo-')
    try {
      await oneCommitRepo(temp.path)
      await writeFile(join(temp.path, 'extra.config'), '[remote "origin"]\n\turl = /first.git\n')
      await gitIn(temp.path, 'config', 'include.path', '../extra.config')
      expect((await lookUp(temp.path)).repo?.remoteUrl).toBe('/first.git')
      await writeFile(join(temp.path, 'extra.config'), '[remote "origin"]\n\turl = /second.git\n')
      expect(await lookUp(temp.path)).toMatchObject({ runs: 2, repo: { remoteUrl: '/second.git' } })
    } finally {
      await temp.cleanup()
    }
  })

  it('finds nothing once the folder is no longer a repository', async () => {
    const temp = await makeTempDir('copydesk-library-repo-')
    try {
      await oneCommitRepo(temp.path)
      expect((await lookUp(temp.path)).repo).not.toBeNull()
      await rm(join(temp.path, '.git'), { recursive: true })
      expect((await lookUp(temp.path)).repo).toBeNull()
    } finally {
      await temp.cleanup()
    }
  })
})

describe.skipIf(gitTool.skip)('mergeBase', () => {
  const commit = async (dir: string, message: string): Promise<string> => {
    await gitIn(dir, '-c', 'user.name=T', '-c', 'user.email=', 'commit', '--quiet', '--allow-empty', '-m', message)
    return (await gitIn(dir, 'rev-parse', 'HEAD')).trim()
  }

  it('answers as git merge-base does, starting git only when neither side is a recent ancestor of the other', async () => {
    const temp = await makeTempDir('copydesk-merge-base-')
    try {
      const first = await oneCommitRepo(temp.path)
      const merged = [first]
      for (let n = 0; n < 3; n++) merged.push(await commit(temp.path, `main ${n}`))
      await gitIn(temp.path, 'switch', '--quiet', '-c', 'side', first)
      const side = await commit(temp.path, 'side')
      // A merge of both lines, then a history longer than what is looked through.
      await gitIn(temp.path, 'switch', '--quiet', 'main')
      await gitIn(temp.path, '-c', 'user.name=T', '-c', 'user.email=', 'merge', '--quiet', '--no-edit', 'side')
      const mergeCommit = (await gitIn(temp.path, 'rev-parse', 'HEAD')).trim()
      let far = mergeCommit
      for (let n = 0; n < 70; n++) far = await commit(temp.path, `later ${n}`)
      const repo = (await findLibraryRepo(temp.path))!
      try {
        const ask = async (a: string, b: string) => {
          const runs = gitRunCount()
          const base = await mergeBase(repo, a, b)
          return { base, git: gitRunCount() - runs }
        }
        const gitsAnswer = async (a: string, b: string) => (await gitIn(temp.path, 'merge-base', a, b)).trim()
        // The object reader's own start is one process, once: count from a read already made.
        await repo.objects.read(first)
        expect(await ask(merged[3]!, merged[1]!)).toEqual({ base: merged[1], git: 0 })
        expect(await ask(merged[1]!, merged[3]!)).toEqual({ base: merged[1], git: 0 })
        expect(await ask(side, mergeCommit)).toEqual({ base: side, git: 0 })
        expect(await ask(merged[3]!, side)).toEqual({ base: await gitsAnswer(merged[3]!, side), git: 1 })
        expect(await ask(first, far)).toEqual({ base: first, git: 1 })
      } finally {
        await closeRepo(repo)
      }
    } finally {
      await temp.cleanup()
    }
  })
})
