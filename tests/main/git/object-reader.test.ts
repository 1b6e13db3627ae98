import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { gitRunCount } from '../../../src/main/git/git-runs'
import { ObjectReader } from '../../../src/main/git/object-reader'
import { needsTools } from '../../support/system-tools'
import { makeTempDir } from '../../support/temp-dir'
import { gitIn } from '../sync/team'
import { oneCommitRepo } from './one-commit-repo'

const gitTool = needsTools(['git'], 'reads objects with git')

describe.skipIf(gitTool.skip)('ObjectReader (git cat-file --batch)', () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
  })

  it('reads objects through one process, and sees refs and objects written after it started', async () => {
    const temp = await makeTempDir('copydesk-object-reader-')
    const reader = new ObjectReader(temp.path)
    cleanup = async () => (await reader.close(), await temp.cleanup())
    const first = await oneCommitRepo(temp.path)
    expect(await reader.read('HEAD:kept.txt')).toMatchObject({ type: 'blob', bytes: Buffer.from('kept\n') })
    expect(await reader.read('HEAD:nothing-here')).toBeNull()
    expect(await reader.read('bad\nname')).toBeNull()
    await writeFile(join(temp.path, 'new.txt'), 'new\n')
    await gitIn(temp.path, 'add', 'new.txt')
    await gitIn(temp.path, '-c', 'user.name=T', '-c', 'user.email=', 'commit', '--quiet', '-m', 'second')
    const [head, added, before] = await Promise.all([reader.read('HEAD^{commit}'), reader.read('HEAD:new.txt'), reader.read(`${first}^{commit}`)])
    expect(head?.sha).toBe((await gitIn(temp.path, 'rev-parse', 'HEAD')).trim())
    expect(added?.bytes.toString()).toBe('new\n')
    expect(before?.sha).toBe(first)
  })

  it('started ahead of its first read (warm), reads through that same process, and a second warm starts none', async () => {
    const temp = await makeTempDir('copydesk-object-reader-')
    const reader = new ObjectReader(temp.path)
    cleanup = async () => (await reader.close(), await temp.cleanup())
    const first = await oneCommitRepo(temp.path)
    const before = gitRunCount()
    reader.warm()
    reader.warm()
    expect((await reader.read('HEAD^{commit}'))?.sha).toBe(first)
    expect(await reader.read('HEAD:kept.txt')).toMatchObject({ type: 'blob', bytes: Buffer.from('kept\n') })
    expect(gitRunCount() - before).toBe(1)
  })

  it('finds a path in a version through each tree on the way, as git names it, for any name', async () => {
    const temp = await makeTempDir('copydesk-object-reader-')
    const reader = new ObjectReader(temp.path)
    cleanup = async () => (await reader.close(), await temp.cleanup())
    const first = await oneCommitRepo(temp.path)
    const names = ['plain.json', 'with space.json', 'é “quoted” \\ back.json', 'ü.json']
    await mkdir(join(temp.path, 'articles', 'deep'), { recursive: true })
    for (const [n, name] of names.entries()) await writeFile(join(temp.path, 'articles', name), `article ${n}\n`)
    await writeFile(join(temp.path, 'articles', 'deep', 'inner.json'), 'inner\n')
    await gitIn(temp.path, 'add', '--all')
    await gitIn(temp.path, '-c', 'user.name=T', '-c', 'user.email=', 'commit', '--quiet', '-m', 'second')
    const head = (await gitIn(temp.path, 'rev-parse', 'HEAD')).trim()
    const read = await Promise.all(names.map((name) => reader.read(`${head}:articles/${name}`)))
    expect(read.map((found) => found?.bytes.toString())).toEqual(names.map((_, n) => `article ${n}\n`))
    expect(read[0]?.sha).toBe((await gitIn(temp.path, 'rev-parse', `${head}:articles/plain.json`)).trim())
    expect((await reader.read('HEAD:articles/deep/inner.json'))?.bytes.toString()).toBe('inner\n')
    expect(await reader.read('HEAD:articles/deep')).toMatchObject({ type: 'tree' })
    // Missing, in a version without the folder, and through a file: none is there.
    expect(await reader.read('HEAD:articles/none.json')).toBeNull()
    expect(await reader.read(`${first}:articles/plain.json`)).toBeNull()
    expect(await reader.read('HEAD:kept.txt/inner')).toBeNull()
    expect(await reader.read('no-such-rev:kept.txt')).toBeNull()
    expect((await reader.read(`${first}:kept.txt`))?.bytes.toString()).toBe('kept\n')
  })

  it('finds every entry of a big tree, whose folders git sorts as if they ended in "/", and of a tree written out of git’s order', async () => {
    const temp = await makeTempDir('copydesk-object-reader-')
    const reader = new ObjectReader(temp.path)
    cleanup = async () => (await reader.close(), await temp.cleanup())
    await oneCommitRepo(temp.path)
    // "foo" the folder sorts after "foo.json" and "foo-bar.json", before "foo0.json".
    const names = ['foo.json', 'foo-bar.json', 'foo0.json', 'a', 'é.json', ...Array.from({ length: 100 }, (_, n) => `${n.toString(36)}.json`)]
    await mkdir(join(temp.path, 'articles', 'foo'), { recursive: true })
    for (const name of names) await writeFile(join(temp.path, 'articles', name), `${name}\n`)
    await writeFile(join(temp.path, 'articles', 'foo', 'inner.json'), 'inner\n')
    await gitIn(temp.path, 'add', '--all')
    await gitIn(temp.path, '-c', 'user.name=T', '-c', 'user.email=', 'commit', '--quiet', '-m', 'big')
    const read = await Promise.all(names.map((name) => reader.read(`HEAD:articles/${name}`)))
    expect(read.map((found) => found?.bytes.toString())).toEqual(names.map((name) => `${name}\n`))
    expect((await reader.read('HEAD:articles/foo/inner.json'))?.bytes.toString()).toBe('inner\n')
    expect(await reader.read('HEAD:articles/foo')).toMatchObject({ type: 'tree' })
    for (const absent of ['fo', 'foo.jso', 'foo/', 'zzz.json', '']) expect(await reader.read(`HEAD:articles/${absent}x`)).toBeNull()

    // The same entries in reverse order, as only a hand-made tree would hold them.
    const tree = (await gitIn(temp.path, 'rev-parse', 'HEAD:articles')).trim()
    const entries = (await gitIn(temp.path, 'ls-tree', '-z', tree)).split('\0').filter(Boolean).map((line) => {
      const [info, name] = line.split('\t') as [string, string]
      const [mode, , sha] = info.split(' ') as [string, string, string]
      return Buffer.concat([Buffer.from(`${mode === '040000' ? '40000' : mode} ${name}\0`), Buffer.from(sha, 'hex')])
    })
    const reversed = execFileSync('git', ['hash-object', '-t', 'tree', '--literally', '-w', '--stdin'], { cwd: temp.path, input: Buffer.concat(entries.reverse()) }).toString().trim()
    const commit = execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=', 'commit-tree', reversed, '-m', 'reversed'], { cwd: temp.path }).toString().trim()
    const again = await Promise.all(names.map((name) => reader.read(`${commit}:${name}`)))
    expect(again.map((found) => found?.bytes.toString())).toEqual(names.map((name) => `${name}\n`))
    expect(await reader.read(`${commit}:nothing.json`)).toBeNull()
  })
})
