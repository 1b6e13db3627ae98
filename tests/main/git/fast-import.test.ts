import { afterEach, describe, expect, it } from 'vitest'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { FastImport, writeCommit } from '../../../src/main/git/fast-import'
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

  it('stores the commit as one pack, never unpacked into a loose file per object (no unpack-objects process; sync packs the history now and then)', async () => {
    const temp = await makeTempDir('copydesk-fast-import-')
    cleanup = temp.cleanup
    const first = await oneCommitRepo(temp.path)
    const loose = async () => (await gitIn(temp.path, 'count-objects', '-v')).match(/^count: (\d+)$/m)![1]
    const packs = async () => (await gitIn(temp.path, 'count-objects', '-v')).match(/^packs: (\d+)$/m)![1]
    const [looseBefore, packsBefore] = [await loose(), await packs()]
    const changes = new Map(Array.from({ length: 5 }, (_, n) => [`articles/${n}.json`, { text: `{"n":${n}}\n` }] as const))
    const commit = await writeCommit({ dir: temp.path, filters: [] }, { parents: [first], changes, author: { name: 'T', email: '' }, message: 'five', ref: 'refs/heads/main' })
    expect(await loose()).toBe(looseBefore)
    expect(Number(await packs())).toBe(Number(packsBefore) + 1)
    expect(await gitIn(temp.path, 'show', `${commit}:articles/4.json`)).toBe('{"n":4}\n')
  })

  it('moves the branch to the new commit only once beforeRefMoves has run, and not at all when it fails', async () => {
    const temp = await makeTempDir('copydesk-fast-import-')
    cleanup = temp.cleanup
    const first = await oneCommitRepo(temp.path)
    const repo = { dir: temp.path, filters: [] }
    const draft = { parents: [first] as [string], changes: new Map([['new.txt', { text: 'new\n' }]]), author: { name: 'T', email: '' }, message: 'next' }
    const branchNow = async () => (await gitIn(temp.path, 'rev-parse', 'main')).trim()

    const seenBefore: string[] = []
    await expect(writeCommit(repo, { ...draft, ref: 'refs/heads/main' }, async () => {
      seenBefore.push(await branchNow())
      throw new Error('the marker could not be written')
    })).rejects.toThrow('the marker could not be written')
    expect(seenBefore).toEqual([first])
    expect(await branchNow()).toBe(first)

    let named = ''
    const commit = await writeCommit(repo, { ...draft, ref: 'refs/heads/main' }, async (sha) => {
      named = sha
      seenBefore.push(await branchNow())
    })
    expect(named).toBe(commit)
    expect(seenBefore).toEqual([first, first])
    expect(await branchNow()).toBe(commit)
    expect(await gitIn(temp.path, 'show', 'main:new.txt')).toBe('new\n')
  })

  it('removes the crash report git writes when a fast-import is ended on purpose, given the git folder', async () => {
    const temp = await makeTempDir('copydesk-fast-import-')
    cleanup = temp.cleanup
    const first = await oneCommitRepo(temp.path)
    const draft = { parents: [first] as [string], changes: new Map([['new.txt', { text: 'new\n' }]]), author: { name: 'T', email: '' }, message: 'next', ref: 'refs/heads/main' }
    const reports = async () => (await readdir(join(temp.path, '.git'))).filter((name) => name.startsWith('fast_import_crash_'))
    // Without the git folder, git's own report stays: the stream was refused, which is what git reports.
    const unknown = new FastImport({ dir: temp.path, filters: [] })
    await unknown.commit(draft)
    await unknown.abort()
    const left = await reports()
    expect(left).toHaveLength(1)
    const known = new FastImport({ dir: temp.path, filters: [], gitDir: join(temp.path, '.git') })
    await known.commit(draft)
    await known.checkpoint()
    await known.abort()
    expect(await reports()).toEqual(left)
    // The checkpoint moved the branch; nothing after it did.
    expect(await gitIn(temp.path, 'show', 'main:new.txt')).toBe('new\n')
  })

  it('refuses to move a branch to a commit that does not descend from where the branch is', async () => {
    const temp = await makeTempDir('copydesk-fast-import-')
    cleanup = temp.cleanup
    const first = await oneCommitRepo(temp.path)
    const repo = { dir: temp.path, filters: [] }
    const author = { name: 'T', email: '' }
    const moved = await writeCommit(repo, { parents: [first], changes: new Map([['a.txt', { text: 'a\n' }]]), author, message: 'a', ref: 'refs/heads/main' })
    // Built on `first`, as if planned before the branch moved on: it would drop `moved`.
    await expect(writeCommit(repo, { parents: [first], changes: new Map([['b.txt', { text: 'b\n' }]]), author, message: 'b', ref: 'refs/heads/main' })).rejects.toThrow(/could not record/)
    expect((await gitIn(temp.path, 'rev-parse', 'main')).trim()).toBe(moved)
  })
})
