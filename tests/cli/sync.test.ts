import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { needsTools } from '../support/system-tools'
import { makeTempDir } from '../support/temp-dir'
import { runCopydesk } from './run-cli'

const gitTool = needsTools(['git'], 'copydesk sync shares libraries through git')
let temp: Awaited<ReturnType<typeof makeTempDir>>

beforeAll(async () => {
  temp = await makeTempDir('copydesk-cli-sync-')
  // The app's profile, which signs the commits.
  const userData = join(temp.path, 'user-data')
  await mkdir(userData)
  await writeFile(join(userData, 'settings.json'), JSON.stringify({ theme: 'system', window: null, recentLibraries: [], lastLibrary: null, profile: { name: 'Hajra Naz', role: 'editor' } }))
  vi.stubEnv('COPYDESK_USER_DATA', userData)
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await temp?.cleanup()
})

describe.skipIf(gitTool.skip)('copydesk sync', { timeout: 180_000 }, () => {
  it('shares a library with init, copies it with clone, and syncs articles both ways', async () => {
    const [remote, first, second] = ['remote.git', 'first', 'second'].map((name) => join(temp.path, name)) as [string, string, string]
    await promisify(execFile)('git', ['init', '--quiet', '--bare', remote])
    expect((await runCopydesk(['--library', first, 'init'])).code).toBe(0)
    await runCopydesk(['--library', first, 'new', '--title', 'Written first'])
    const init = await runCopydesk(['--library', first, 'sync', 'init', '--remote', remote])
    expect(init).toMatchObject({ code: 0, stdout: `The library at ${first} is a git repository now, shared through ${remote}; run “copydesk sync” to send it.\n` })
    expect((await runCopydesk(['--library', first, 'sync'])).stdout).toMatch(/^Synced\.\n0 changes to share, 0 to receive\.\nLast sync: \d{4}-/)

    const clone = await runCopydesk(['sync', 'clone', remote, second])
    // A fresh clone has no index by design (caches are never committed): it is built quietly.
    expect(clone).toMatchObject({ code: 0, stdout: `Cloned 1 articles into ${second}.\n`, stderr: '' })
    await runCopydesk(['--library', second, 'new', '--title', 'Written second'])
    // One address taken on both clones: the newer article, the second's, is renamed, and both users are told.
    await runCopydesk(['--library', first, 'new', '--title', 'Budget night'])
    await runCopydesk(['--library', second, 'new', '--title', 'Budget night'])
    const renamed = '“Budget night” now has the address “budget-night-2”: “Budget night” already used “budget-night”.\n'
    expect((await runCopydesk(['--library', second, 'sync'])).stdout).toMatch(/^Synced\./)
    const merged = (await runCopydesk(['--library', first, 'sync'])).stdout
    expect(merged).toMatch(/^Synced\./)
    expect(merged.endsWith(renamed)).toBe(true)
    expect((await runCopydesk(['--library', second, 'sync'])).stdout.endsWith(renamed)).toBe(true)
    const listed = await runCopydesk(['--library', first, 'list'])
    expect(listed.stdout).toContain('Written first')
    expect(listed.stdout).toContain('Written second')
    const { stdout: authors } = await promisify(execFile)('git', ['log', '--format=%an', 'main'], { cwd: remote })
    expect(new Set(authors.trim().split('\n'))).toEqual(new Set(['Hajra Naz']))
    // A really damaged index of a clone still says so.
    await writeFile(join(second, 'copydesk-library.json'), '{ not json')
    expect((await runCopydesk(['--library', second, 'list'])).stderr).toMatch(/^copydesk: The library index was damaged, so it was rebuilt from 4 article files\./)
    const status = JSON.parse((await runCopydesk(['--library', first, 'sync', 'status', '--json'])).stdout) as { state: string; conflicts: unknown[] }
    expect(status).toMatchObject({ state: 'synced', ahead: 0, behind: 0, conflicts: [] })
  })

  it('says in plain words why a library is not synced, without failing', async () => {
    const lone = join(temp.path, 'lone')
    await runCopydesk(['--library', lone, 'init'])
    const unshared = await runCopydesk(['--library', lone, 'sync'])
    expect(unshared).toMatchObject({ code: 0, stderr: '' })
    expect(unshared.stdout).toBe(`Not shared: the library “${lone}” is not shared yet: run “copydesk sync init” in it, or clone one with “copydesk sync clone”.\n`)

    await runCopydesk(['--library', lone, 'sync', 'init', '--remote', join(temp.path, 'nowhere.git')])
    await runCopydesk(['--library', lone, 'new', '--title', 'Offline work'])
    const offline = await runCopydesk(['--library', lone, 'sync'])
    expect(offline.code).toBe(0)
    expect(offline.stdout.split('\n')[0]).toBe(`Not synced: there is no library repository at “${join(temp.path, 'nowhere.git')}”.`)
    const { stdout: porcelain } = await promisify(execFile)('git', ['status', '--porcelain'], { cwd: lone })
    expect(porcelain).toBe('')
  })
})
