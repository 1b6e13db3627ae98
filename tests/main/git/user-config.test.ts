import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { gitRunCount } from '../../../src/main/git/git-runs'
import { committer } from '../../../src/main/git/user-config'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { gitIn } from '../sync/team'

const gitTool = needsTools(['git'], 'reads the user’s git config')

describe.skipIf(gitTool.skip)('committer (the user’s git name and email)', () => {
  const before = { GIT_CONFIG_GLOBAL: process.env['GIT_CONFIG_GLOBAL'], GIT_CONFIG_NOSYSTEM: process.env['GIT_CONFIG_NOSYSTEM'] }
  let cleanup: (() => Promise<void>) | undefined
  // This machine's system config stays out of it.
  beforeEach(() => {
    process.env['GIT_CONFIG_NOSYSTEM'] = '1'
  })
  afterEach(async () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    await cleanup?.()
    cleanup = undefined
  })

  it('takes each from the user’s own config, the repository’s overriding it, the last value of a repeated key winning', async () => {
    const temp = await makeTempDir('copydesk-committer-')
    cleanup = temp.cleanup
    const globalFile = join(temp.path, 'gitconfig')
    await writeFile(globalFile, '[user]\n\tname = Global Name\n\temail = writer@example.org\n')
    process.env['GIT_CONFIG_GLOBAL'] = globalFile
    const repo = join(temp.path, 'repo')
    await gitIn(temp.path, 'init', '--quiet', repo)
    const runs = gitRunCount()
    expect(await committer(repo)).toEqual([['user.name', 'Global Name'], ['user.email', 'writer@example.org']])
    // Both in one git call: a sync from the CLI starts with it.
    expect(gitRunCount() - runs).toBe(1)

    await gitIn(repo, 'config', 'user.name', 'First Here')
    await gitIn(repo, 'config', '--add', 'user.name', 'Hajra Naz')
    expect(await committer(repo)).toEqual([['user.name', 'Hajra Naz'], ['user.email', 'writer@example.org']])
  })

  it('leaves out what is not set', async () => {
    const temp = await makeTempDir('copydesk-committer-')
    cleanup = temp.cleanup
    process.env['GIT_CONFIG_GLOBAL'] = join(temp.path, 'none')
    await gitIn(temp.path, 'init', '--quiet')
    expect(await committer(temp.path)).toEqual([])
  })
})
