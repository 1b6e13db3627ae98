import { afterEach, describe, expect, it } from 'vitest'
import { writeCommit } from '../../../src/main/git/fast-import'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { gitIn } from '../sync/team'
import { oneCommitRepo } from './one-commit-repo'

const gitTool = needsTools(['git'], 'writes commits with git')

describe.skipIf(gitTool.skip)('writeCommit (git fast-import)', () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
  })

  it('writes a commit of changed paths with any name, removals and stored blobs, touching no branch', async () => {
    const temp = await makeTempDir('copydesk-fast-import-')
    cleanup = temp.cleanup
    const first = await oneCommitRepo(temp.path)
    const kept = (await gitIn(temp.path, 'rev-parse', 'HEAD:kept.txt')).trim()
    const odd = 'articles/a "quoted" name\\with\ttab é.json'
    const commit = await writeCommit(
      { dir: temp.path, filters: [] },
      {
        parents: [first, first],
        changes: new Map([
          [odd, { text: '{"title":"Café"}\n' }],
          ['copy/of kept.txt', { mode: '100644', sha: kept }],
          ['gone.txt', null],
          ['never-there.txt', null]
        ]),
        author: { name: 'Hajra <Naz>', email: 'hajra@example.org' },
        message: 'Sync: merge\n\nwith a body',
        ref: 'refs/copydesk/test'
      }
    )
    expect(await gitIn(temp.path, 'ls-tree', '-r', '-z', '--name-only', commit)).toBe(['articles/a "quoted" name\\with\ttab é.json', 'copy/of kept.txt', 'kept.txt', ''].join('\0'))
    expect(await gitIn(temp.path, 'show', `${commit}:${odd}`)).toBe('{"title":"Café"}\n')
    expect(await gitIn(temp.path, 'log', '-1', '--format=%P|%an|%ae|%B', commit)).toBe(`${first} ${first}|Hajra Naz|hajra@example.org|Sync: merge\n\nwith a body\n`)
    expect((await gitIn(temp.path, 'rev-parse', 'main')).trim()).toBe(first)
    expect(await gitIn(temp.path, 'status', '--porcelain')).toBe('')
  })
})
