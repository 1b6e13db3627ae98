import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { openLibrary } from '../../../src/main/library/library'
import { FolderGrants } from '../../../src/main/folders/folder-grants'
import type { Services } from '../../../src/main/services'
import { openSettingsStore } from '../../../src/main/settings/settings-store'
import { makeTempDir } from '../../support/temp-dir'

type Choosers = Pick<Services, 'chooseFolder' | 'chooseSiteFolder' | 'chooseExportFile' | 'chooseReviewBundleFile'>

/**
 * Main's services over a real settings store and a library in a temp folder,
 * fresh for each test of the calling file. The native choosers answer as
 * `choosers` say, or as a cancelled dialog. The handle points at the current test's.
 */
export function useHandlerServices(choosers: Partial<Choosers> = {}): { readonly services: Services; readonly dir: string } {
  let current: { services: Services; temp: Awaited<ReturnType<typeof makeTempDir>> } | undefined
  const open = () => {
    if (!current) throw new Error('The services are only open while a test runs')
    return current
  }
  beforeEach(async () => {
    const temp = await makeTempDir('copydesk-ipc-')
    const cancelled = async () => null
    const services: Services = {
      appInfo: { name: 'Copydesk', version: '1.0.0', platform: 'linux', mediaBaseUrl: 'copydesk-media://library/' },
      settings: await openSettingsStore(temp.path),
      folders: new FolderGrants(),
      library: await openLibrary(join(temp.path, 'Library')),
      chooseFolder: cancelled,
      chooseSiteFolder: cancelled,
      chooseExportFile: cancelled,
      chooseReviewBundleFile: cancelled,
      ...choosers
    }
    current = { services, temp }
  })
  afterEach(async () => {
    await current?.services.library.close()
    await current?.temp.cleanup()
    current = undefined
  })
  return {
    get services() {
      return open().services
    },
    get dir() {
      return open().temp.path
    }
  }
}
