import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { defaultSettings, settingsPatchSchema } from '../../../src/shared/settings'
import { makeTempDir } from '../../support/temp-dir'
import { editor } from './actors'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})
async function tempDir(): Promise<string> {
  const dir = await makeTempDir()
  cleanups.push(dir.cleanup)
  return dir.path
}

describe('local profile', () => {
  it('is unset on first run, so the app can ask for a name and role', () => {
    expect(defaultSettings.profile).toBeNull()
  })

  it('may be set by the renderer, and only to a name and a known role', () => {
    expect(settingsPatchSchema.parse({ profile: editor })).toEqual({ profile: editor })
    expect(settingsPatchSchema.parse({ profile: { name: '  Sam Ortiz ', role: 'editor' } }).profile?.name).toBe('Sam Ortiz')
    expect(settingsPatchSchema.safeParse({ profile: { name: '', role: 'editor' } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ profile: { name: 'Sam', role: 'publisher' } }).success).toBe(false)
  })

  it('is kept in the settings file across restarts', async () => {
    const dir = await tempDir()
    const store = await openSettingsStore(dir)
    await store.update(settingsPatchSchema.parse({ profile: editor }))
    expect((await openSettingsStore(dir)).get().profile).toEqual(editor)
  })

  it('leaves settings files written before profiles existed readable', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', window: null, recentLibraries: [], lastLibrary: null }))
    const store = await openSettingsStore(dir)
    expect(store.recoveredFrom).toBeNull()
    expect(store.get()).toMatchObject({ theme: 'dark', profile: null })
  })
})
