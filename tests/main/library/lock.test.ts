import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { withLibraryLock } from '../../../src/main/library/lock'
import { makeTempDir } from '../../support/temp-dir'

let temp: { path: string; cleanup: () => Promise<void> }
beforeEach(async () => {
  temp = await makeTempDir('copydesk-lock-')
})
afterEach(async () => {
  vi.restoreAllMocks()
  await temp.cleanup()
})

describe('the library lock', () => {
  it('stays with a write that lasts longer than its stale time (rebuilding a big index): another writer waits for it', async () => {
    const lockDir = join(temp.path, 'copydesk-library.lock')
    const warn = vi.spyOn(console, 'warn')
    const events: string[] = []
    const long = withLibraryLock(temp.path, lockDir, async () => {
      events.push('long write starts')
      await sleep(3_500)
      events.push('long write ends')
    })
    await sleep(200)
    const other = withLibraryLock(temp.path, lockDir, async () => {
      events.push('other write')
    })
    await Promise.all([long, other])
    expect(events).toEqual(['long write starts', 'long write ends', 'other write'])
    expect(warn).not.toHaveBeenCalled()
  })
})
