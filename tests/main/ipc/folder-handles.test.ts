import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dispatch, type HandlerContext } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import type { SettingsView } from '../../../src/shared/settings'
import type { FolderRef } from '../../../src/shared/folders'
import { rememberLibrary } from '../../../src/main/settings/recent-folders'
import { fixtureLibrary } from '../site-export/fixture-library'
import { useHandlerServices } from '../library/handler-services'
import { makeTempDir } from '../../support/temp-dir'
import { foreignValues, hostilePaths, unknownHandles } from './hostile-folders'

/**
 * The renderer may be compromised, so main takes no folder from it by path:
 * every channel that touches a folder takes a handle main granted (a native
 * dialog's answer or a recent library), and anything else is refused before a
 * folder is created, written or even shown in a dialog.
 */
let world: string
let cleanupWorld: () => Promise<void>
const startedIn = process.cwd()
const dialogs: { kind: string; defaultPath?: string }[] = []
let pickedSite: string | null = null
let pickedLibrary: string | null = null

const env = useHandlerServices({
  chooseFolder: async () => {
    dialogs.push({ kind: 'library' })
    return pickedLibrary
  },
  chooseSiteFolder: async (defaultPath) => {
    dialogs.push({ kind: 'site', ...(defaultPath === undefined ? {} : { defaultPath }) })
    return pickedSite
  }
})
const ctx: HandlerContext = { emit: () => undefined }
const call = (name: string, payload?: unknown) => dispatch(createHandlers(env.services), name, payload, ctx)

beforeAll(async () => {
  const temp = await makeTempDir('copydesk-hostile-')
  world = temp.path
  cleanupWorld = temp.cleanup
  // Relative paths resolve against the working folder: put it deep inside the world so `..` stays in it.
  await mkdir(join(world, 'work/sub/dir'), { recursive: true })
  process.chdir(join(world, 'work/sub/dir'))
})
afterAll(async () => {
  process.chdir(startedIn)
  await cleanupWorld()
})
beforeEach(async () => {
  dialogs.length = 0
  pickedSite = null
  pickedLibrary = null
  // A library with approved articles, so an export that got through would write files.
  await env.services.library.close()
  env.services.library = await fixtureLibrary(join(env.dir, 'Fixture'))
  // As the app's start does: the library it opens is the first recent one.
  await rememberLibrary(env.services.settings, env.services.library.dir)
  await mkdir(join(world, 'victim'), { recursive: true })
  await writeFile(join(world, 'victim/notes.txt'), 'the user’s own file')
})

/** Every entry under `dir` with its size and content, so any created, written or removed file shows. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    seen.set(path, entry.isFile() ? `${(await stat(path)).size}:${await readFile(path, 'utf8')}` : entry.isDirectory() ? 'dir' : 'other')
  }
  return seen
}

type Payload = (value: unknown) => unknown
/** Each folder channel with the field it takes now and the ones a renderer might try (the old path fields). */
const folderChannels: { channel: string; payloads: Payload[] }[] = [
  { channel: 'openLibrary', payloads: [(v) => ({ folder: v }), (v) => ({ path: v }), (v) => ({ folder: v, path: v })] },
  { channel: 'chooseSiteFolder', payloads: [(v) => ({ near: v }), (v) => ({ defaultPath: v })] },
  { channel: 'previewSiteExport', payloads: [(v) => ({ site: v, profile: 'hugo' }), (v) => ({ siteDir: v, profile: 'hugo' })] },
  {
    channel: 'runSiteExport',
    payloads: [
      (v) => ({ site: v, profile: 'hugo', jobId: 'hostile', siteKit: true }),
      (v) => ({ siteDir: v, profile: 'hugo', jobId: 'hostile', siteKit: true }),
      (v) => ({ site: v, siteDir: v, profile: 'jekyll', jobId: 'hostile', commitBranch: 'main' })
    ]
  }
]

async function grantedSite(): Promise<FolderRef> {
  pickedSite = join(world, 'victim')
  const chosen = await call('chooseSiteFolder', {})
  pickedSite = null
  if (!chosen.ok || !chosen.value) throw new Error('the site dialog stand-in gave no folder')
  dialogs.length = 0
  return chosen.value as FolderRef
}

async function grantedLibrary(): Promise<FolderRef> {
  const settings = await call('getSettings')
  if (!settings.ok) throw new Error(settings.error.message)
  const [current] = (settings.value as SettingsView).recentLibraries
  if (!current) throw new Error('no recent library')
  return current
}

describe('folder channels refuse every folder main did not grant', () => {
  it.each(folderChannels)('$channel: raw, relative and `..` paths, unknown handles and non-strings change nothing', async ({ channel, payloads }) => {
    const values = [...hostilePaths(world), ...unknownHandles, ...foreignValues]
    const worldBefore = await snapshot(world)
    const settingsBefore = env.services.settings.get()
    const libraryBefore = env.services.library.dir
    const refused: unknown[] = []
    for (const value of values) {
      for (const payload of payloads) {
        const result = await call(channel, payload(value))
        if (result.ok) refused.push({ value, payload: payload(value), result })
        else expect(['invalid-payload', 'not-found']).toContain(result.error.code)
      }
    }
    expect(refused, 'calls main should have refused').toEqual([])
    expect(dialogs, 'no dialog opens, none starts in a folder the renderer named').toEqual([])
    expect(env.services.library.dir).toBe(libraryBefore)
    expect(env.services.settings.get()).toEqual(settingsBefore)
    expect(await snapshot(world)).toEqual(worldBefore)
  })

  it('a library handle names no site folder, and a site handle opens no library', async () => {
    const library = await grantedLibrary()
    const site = await grantedSite()
    const before = await snapshot(world)
    const refusals = [
      await call('openLibrary', { folder: site.handle }),
      await call('chooseSiteFolder', { near: library.handle }),
      await call('previewSiteExport', { site: library.handle, profile: 'hugo' }),
      await call('runSiteExport', { site: library.handle, profile: 'hugo', jobId: 'mixed' })
    ]
    for (const result of refusals) {
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/does not know that (library|site folder).*nothing was changed/) } })
    }
    expect(dialogs).toEqual([])
    expect(await snapshot(world)).toEqual(before)
  })

  it('the folders the user did choose work through the same channels (the refusals above are not everything failing)', async () => {
    const site = await grantedSite()
    const plan = await call('previewSiteExport', { site: site.handle, profile: 'hugo' })
    expect(plan).toMatchObject({ ok: true, value: { siteDir: join(world, 'victim'), articleCount: 3 } })
    expect(await call('chooseSiteFolder', { near: site.handle })).toEqual({ ok: true, value: null })
    expect(dialogs).toEqual([{ kind: 'site', defaultPath: join(world, 'victim') }])
    const run = await call('runSiteExport', { site: site.handle, profile: 'hugo', jobId: 'granted' })
    expect(run).toMatchObject({ ok: true, value: { written: expect.arrayContaining([expect.objectContaining({ kind: 'article' })]) } })
    // Exported into, the folder is remembered: the next session gets a handle for it without the dialog.
    expect(env.services.settings.get().recentSiteFolders).toEqual([join(world, 'victim')])
    expect(await call('getSiteExportPreferences')).toMatchObject({ ok: true, value: { site: { path: join(world, 'victim') } } })

    pickedLibrary = join(world, 'picked-library')
    expect(await call('openLibrary', {})).toMatchObject({ ok: true, value: { path: pickedLibrary } })
    const first = (await call('getSettings')) as { value: SettingsView }
    const previous = first.value.recentLibraries.find((folder) => folder.path === join(env.dir, 'Fixture'))!
    expect(await call('openLibrary', { folder: previous.handle })).toMatchObject({ ok: true, value: { path: join(env.dir, 'Fixture') } })
  })

  it('a site folder remembered only in the library’s own file (another machine’s, say) is shown to be chosen again, not granted', async () => {
    const elsewhere = join(world, 'victim')
    await writeFile(
      join(env.services.library.dir, 'site-export.json'),
      JSON.stringify({ siteDir: elsewhere, profile: 'hugo', statuses: ['approved'], bundle: false, siteKit: false })
    )
    expect(await call('getSiteExportPreferences')).toMatchObject({ ok: true, value: { site: null, profile: 'hugo' } })
  })
})
