import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../src/shared/settings'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { makeTempDir } from '../../support/temp-dir'

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => cleanup?.())

async function tempDir(): Promise<string> {
  const dir = await makeTempDir()
  cleanup = dir.cleanup
  return dir.path
}

describe('settings store', () => {
  it('starts from defaults and persists updates across reopen', async () => {
    const dir = await tempDir()
    const store = await openSettingsStore(dir)
    expect(store.get()).toEqual(defaultSettings)
    await store.update({ theme: 'dark', recentLibraries: ['/a'] })
    const reopened = await openSettingsStore(dir)
    expect(reopened.get()).toMatchObject({ theme: 'dark', recentLibraries: ['/a'] })
  })

  it('moves a corrupt file aside instead of crashing or deleting it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'settings.json'), '{"theme": "dark", "wind')
    const store = await openSettingsStore(dir)
    expect(store.get()).toEqual(defaultSettings)
    expect(store.recoveredFrom).toMatch(/settings\.json\.unreadable-\d+$/)
    expect(await readFile(store.recoveredFrom!, 'utf8')).toBe('{"theme": "dark", "wind')
  })

  it('rejects values of the wrong shape and keeps the file as it was', async () => {
    const dir = await tempDir()
    const store = await openSettingsStore(dir)
    await store.update({ theme: 'light' })
    const before = await readFile(join(dir, 'settings.json'), 'utf8')
    await expect(store.update({ theme: 'neon' as never })).rejects.toThrow()
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before)
    expect(store.get().theme).toBe('light')
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([])
  })

  it('tells subscribers about every change', async () => {
    const dir = await tempDir()
    const store = await openSettingsStore(dir)
    const seen: string[] = []
    const off = store.subscribe((s) => seen.push(s.theme))
    await store.update({ theme: 'dark' })
    off()
    await store.update({ theme: 'light' })
    expect(seen).toEqual(['dark'])
  })
})
