import { describe, expect, it } from 'vitest'
import { channelNames } from '../../../src/shared/ipc/contract'
import { UserError } from '../../../src/shared/ipc/result'
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { FolderGrants } from '../../../src/main/folders/folder-grants'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { openLibrary } from '../../../src/main/library/library'
import { makeTempDir } from '../../support/temp-dir'
import { plainWordsProblem } from '../../support/plain-words'

const ctx = { emit: () => undefined }

async function realHandlers(): Promise<{ handlers: Handlers; cleanup: () => Promise<void> }> {
  const dir = await makeTempDir()
  const settings = await openSettingsStore(dir.path)
  const library = await openLibrary(dir.path)
  const handlers = createHandlers({
    appInfo: { name: 'Copydesk', version: '1.2.3', platform: 'linux', mediaBaseUrl: 'copydesk-media://library/' },
    settings,
    folders: new FolderGrants(),
    library,
    chooseFolder: async () => null,
    chooseSiteFolder: async () => null,
    chooseExportFile: async () => null,
    chooseReviewBundleFile: async () => null
  })
  return { handlers, cleanup: () => library.close().then(dir.cleanup) }
}

describe('IPC dispatch', () => {
  it('has a handler for every channel of the contract and nothing else', async () => {
    const { handlers, cleanup } = await realHandlers()
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort())
    await cleanup()
  })

  it('runs a valid request and wraps the result', async () => {
    const { handlers, cleanup } = await realHandlers()
    await expect(dispatch(handlers, 'updateSettings', { theme: 'dark' }, ctx)).resolves.toMatchObject({
      ok: true,
      value: { theme: 'dark' }
    })
    await cleanup()
  })

  it('refuses unknown channels, including inherited object keys', async () => {
    const { handlers, cleanup } = await realHandlers()
    for (const name of ['deleteEverything', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(handlers, name, undefined, ctx)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
    await cleanup()
  })

  it('rejects a malformed payload before the handler runs, naming the field', async () => {
    let ran = false
    const { handlers, cleanup } = await realHandlers()
    const spying: Handlers = {
      ...handlers,
      updateSettings: (patch, c) => {
        ran = true
        return handlers.updateSettings(patch, c)
      }
    }
    for (const payload of [{ theme: 'neon' }, { theme: 'dark', lastLibrary: '/etc' }, 'dark', null, [1]]) {
      const result = await dispatch(spying, 'updateSettings', payload, ctx)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-payload')
        expect(result.error.message).toMatch(/malformed.*nothing was changed/)
      }
    }
    const themed = await dispatch(spying, 'updateSettings', { theme: 'neon' }, ctx)
    expect(themed.ok ? [] : themed.error.details).toEqual([expect.stringMatching(/^theme: /)])
    expect(ran).toBe(false)
    await cleanup()
  })

  it('turns a UserError into its code and message, and anything else into a readable internal error', async () => {
    const { handlers, cleanup } = await realHandlers()
    const failing: Handlers = {
      ...handlers,
      getSettings: () => {
        throw new UserError('not-found', 'That library folder no longer exists.')
      },
      getAppInfo: () => {
        throw new TypeError('boom')
      }
    }
    await expect(dispatch(failing, 'getSettings', undefined, ctx)).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That library folder no longer exists.' }
    })
    const original = console.error
    console.error = () => undefined
    const internal = await dispatch(failing, 'getAppInfo', undefined, ctx)
    console.error = original
    // The raw text stays in the log: the writer reads a sentence.
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('boom') } })
    expect(plainWordsProblem(internal.ok ? '' : internal.error.message)).toBeNull()
    await cleanup()
  })
})
