import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { StartupProblem } from '../../../src/shared/ipc/contract'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { openStartupLibrary } from '../../../src/main/library/startup'
import { FolderGrants } from '../../../src/main/folders/folder-grants'
import type { Services } from '../../../src/main/services'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { AppStartup, type StartupDeps } from '../../../src/main/startup/app-startup'
import { makeTempDir } from '../../support/temp-dir'
import { plainWordsProblem } from '../../support/plain-words'

const ctx = { emit: () => undefined }
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** AppStartup as main builds it, over a real user-data folder: settings, then the last or the default library. */
async function appStartup(overrides: Partial<StartupDeps> = {}) {
  const temp = await makeTempDir('copydesk-startup-')
  const defaultFolder = join(temp.path, 'Library')
  const revealed: string[] = []
  const started: Services[] = []
  const open = async (folder: string | null): Promise<Services> => {
    const settings = await openSettingsStore(temp.path)
    const cancelled = async () => null
    return {
      appInfo: { name: 'Copydesk', version: '1.0.0', platform: 'linux', mediaBaseUrl: 'copydesk-media://library/' },
      settings,
      folders: new FolderGrants(),
      library: await openStartupLibrary(settings, defaultFolder, folder ?? undefined),
      chooseFolder: cancelled,
      chooseSiteFolder: cancelled,
      chooseExportFile: cancelled,
      chooseReviewBundleFile: cancelled
    }
  }
  const startup = new AppStartup({
    open,
    defaultFolder,
    chooseFolder: async () => null,
    revealFolder: (folder) => void revealed.push(folder),
    onStarted: (services) => started.push(services),
    ...overrides
  })
  cleanups.push(async () => {
    await startup.started?.library.close()
    await temp.cleanup()
  })
  const call = (name: string, payload?: unknown) => dispatch(startup.handlers, name, payload, ctx)
  return { startup, call, defaultFolder, revealed, started, dir: temp.path }
}

const quiet = async <T>(run: () => Promise<T>): Promise<T> => {
  const original = console.error
  console.error = () => undefined
  try {
    return await run()
  } finally {
    console.error = original
  }
}

describe('start-up always ends in a window', () => {
  it('turns a library that will not open into a plain-words problem, not a rejection', async () => {
    const app = await appStartup()
    await writeFile(app.defaultFolder, 'a file where the library folder goes')
    const problem = await quiet(() => app.startup.start())
    expect(problem).toEqual({
      message: `Copydesk could not open the library in “${app.defaultFolder}”. “${app.defaultFolder}” is a file, not a folder.`,
      folder: app.defaultFolder
    })
    expect(await app.call('getWindowStart')).toEqual({ ok: true, value: { problem } })
    expect(app.started).toEqual([])
  })

  it('answers every other channel with a plain refusal until it runs, then runs it once fixed', async () => {
    const app = await appStartup()
    await writeFile(app.defaultFolder, 'x')
    await quiet(() => app.startup.start())
    for (const [name, payload] of [['listArticles', {}], ['getAppInfo', undefined], ['createArticle', { title: 'Lost?' }], ['openLibrary', {}]] as const) {
      const result = await app.call(name, payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
      expect(plainWordsProblem(result.ok ? '' : result.error.message)).toBeNull()
    }
    await app.call('showStartupFolder')
    expect(app.revealed).toEqual([app.defaultFolder])

    await rm(app.defaultFolder)
    expect(await app.call('retryStartup')).toEqual({ ok: true, value: null })
    expect(await app.call('createArticle', { title: 'Found' })).toMatchObject({ ok: true, value: { title: 'Found' } })
    // The window's one first answer: the app, its settings, the library and its list, newest first.
    const start = await app.call('getWindowStart')
    expect(start).toMatchObject({
      ok: true,
      value: {
        problem: null,
        appInfo: { name: 'Copydesk', libraryPath: app.defaultFolder },
        settings: { theme: 'system' },
        library: { path: app.defaultFolder, articleCount: 1 },
        articles: [{ title: 'Found' }]
      }
    })
    // Once it runs, the ways out have nothing left to do.
    expect(await app.call('retryStartup')).toEqual({ ok: true, value: null })
    await app.call('showStartupFolder')
    expect(app.revealed).toHaveLength(1)
    expect(app.started).toHaveLength(1)
  })

  it('starts with another folder the writer picks, remembers it, and keeps the problem when the dialog is cancelled', async () => {
    let chosen: string | null = null
    const app = await appStartup({ chooseFolder: async () => chosen })
    await mkdir(app.defaultFolder)
    await writeFile(join(app.defaultFolder, 'holiday.jpg'), 'not a library, and not empty')
    const problem = await quiet(() => app.startup.start())
    expect(problem?.message).toMatch(/is not a Copydesk library and is not empty/)
    expect(await app.call('startWithOtherFolder')).toEqual({ ok: true, value: problem })

    chosen = join(app.dir, 'Articles')
    expect(await app.call('startWithOtherFolder')).toEqual({ ok: true, value: null })
    expect(app.startup.started?.library.dir).toBe(chosen)
    expect(app.startup.started?.settings.get().lastLibrary).toBe(chosen)
  })

  it('never rejects, whatever start-up throws, and says nothing raw', async () => {
    const thrown: unknown[] = [new RangeError('Maximum call stack size exceeded'), Object.assign(new Error('EACCES: permission denied, mkdir'), { code: 'EACCES', path: '/srv/lib' }), 42, undefined]
    for (const error of thrown) {
      const app = await appStartup({ open: () => Promise.reject(error) })
      const problem: StartupProblem | null = await quiet(() => app.startup.start())
      expect(problem?.folder).toBe(app.defaultFolder)
      expect(plainWordsProblem(problem?.message)).toBeNull()
    }
  })
})
