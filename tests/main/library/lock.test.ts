import { access, mkdir, writeFile, utimes } from 'node:fs/promises'
import { pbkdf2 } from 'node:crypto'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { withLibraryLock } from '../../../src/main/library/lock'
import { bundleScript, kill, startUntil } from '../../support/node-script'
import { makeTempDir } from '../../support/temp-dir'

let temp: { path: string; cleanup: () => Promise<void> }
let scripts: { path: string; cleanup: () => Promise<void> }
let holder: string
beforeAll(async () => {
  scripts = await makeTempDir('copydesk-lock-scripts-')
  holder = await bundleScript(join(import.meta.dirname, 'lock-holder.ts'), join(scripts.path, 'lock-holder.cjs'))
})
afterAll(() => scripts.cleanup())
beforeEach(async () => {
  temp = await makeTempDir('copydesk-lock-')
})
afterEach(async () => {
  vi.restoreAllMocks()
  await temp.cleanup()
})

const lockDir = (): string => join(temp.path, 'copydesk-library.lock')
const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false)
/** Sets the lock folder's modification time, which is all proper-lockfile reads to judge it stale. */
const ageLock = (msFromNow: number): Promise<void> => utimes(lockDir(), new Date(Date.now() + msFromNow), new Date(Date.now() + msFromNow))
/** A write under the lock, which must get it: the busy error would come only after the wait limit (15 s). */
const writeUnderLock = (): Promise<string> => withLibraryLock(temp.path, lockDir(), async () => 'written')

/** A real process takes the lock and is SIGKILLed while it holds it. */
async function lockOfKilledWriter(): Promise<void> {
  const child = await startUntil(holder, [temp.path], 'holding')
  await kill(child)
  expect(await exists(join(lockDir(), 'owner')), 'the killed writer left its lock and owner file').toBe(true)
}

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

  it('keeps its lock when every file call waits behind other work on the thread pool (a busy laptop), with no warning', async () => {
    const warn = vi.spyOn(console, 'warn')
    // Node's file calls share a pool of 4 threads; keeping it full of slow hashing makes each call answer late,
    // as on a laptop whose disk and cores are busy. The lock's own refresh (every 500 ms) then runs between them.
    let flooding = true
    const hashes: Promise<void>[] = []
    const slowHash = async (): Promise<void> => {
      while (flooding) await new Promise<void>((resolve) => pbkdf2('key', 'salt', 300_000, 32, 'sha256', () => resolve()))
    }
    for (let thread = 0; thread < 8; thread++) hashes.push(slowHash())
    try {
      for (let write = 0; write < 2; write++) {
        expect(await withLibraryLock(temp.path, lockDir(), async () => { await sleep(1_000); return 'written' })).toBe('written')
      }
    } finally {
      flooding = false
      await Promise.all(hashes)
    }
    expect(warn).not.toHaveBeenCalled()
    expect(await exists(lockDir()), 'the lock is released').toBe(false)
  })

  describe('after a writer was killed inside its write', () => {
    it('is taken over at once, even while the lock still looks fresh: its owner is a dead process on this machine', async () => {
      await lockOfKilledWriter()
      // Fresh for an hour: only the dead owner can let the next writer in.
      await ageLock(3_600_000)
      expect(await writeUnderLock()).toBe('written')
      expect(await exists(lockDir())).toBe(false)
    }, 30_000)

    it('is taken over at once when the lock is older than its stale time (the user comes back later)', async () => {
      await lockOfKilledWriter()
      await ageLock(-60_000)
      expect(await writeUnderLock()).toBe('written')
      expect(await exists(lockDir())).toBe(false)
    }, 30_000)
  })

  it.each([
    ['missing', null],
    ['empty', ''],
    ['garbage', '{"pid": 12'],
    ['null', 'null'],
    ['a number', '42'],
    ['without a token', JSON.stringify({ pid: 999_999_999, host: hostname() })]
  ])('is taken over once stale when its owner file is %s', async (_name, owner) => {
    await mkdir(lockDir())
    if (owner !== null) await writeFile(join(lockDir(), 'owner'), owner)
    await ageLock(-10_000)
    expect(await writeUnderLock()).toBe('written')
    expect(await exists(lockDir())).toBe(false)
  }, 30_000)

  it('waits for the stale time, then takes over, when the owner file is missing from a fresh lock (a writer killed before naming itself)', async () => {
    await mkdir(lockDir())
    expect(await writeUnderLock()).toBe('written')
  }, 30_000)

  it('is taken over when it dates from before the machine started, although its pid now names a live process', async () => {
    await mkdir(lockDir())
    // After a power cut, the dead writer's pid may belong to anything: here, to this very process.
    await writeFile(join(lockDir(), 'owner'), JSON.stringify({ pid: process.pid, host: hostname(), token: 'before-the-reboot' }))
    await ageLock(-(uptime() * 1000 + 3_600_000))
    expect(await writeUnderLock()).toBe('written')
  }, 30_000)
})

