import { randomUUID } from 'node:crypto'
import { hostname, uptime } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { renameSync, rmSync, statSync, utimesSync } from 'node:fs'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import lockfile from 'proper-lockfile'
import * as z from 'zod'
import { UserError } from '../../shared/ipc/result'

const WAIT_LIMIT_MS = 15_000
const host = hostname()

const ownerSchema = z.object({ pid: z.number().int().positive(), host: z.string(), token: z.string().min(1) })
type Owner = z.infer<typeof ownerSchema>

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether a process with this id runs on this machine. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The owner file's content, or null when it is missing, unreadable or not an owner. */
async function readOwner(lockDir: string): Promise<Owner | null> {
  try {
    return ownerSchema.parse(JSON.parse(await readFile(join(lockDir, 'owner'), 'utf8')))
  } catch {
    return null
  }
}

/** A lock last touched before this machine started belongs to nobody alive, whatever process its pid names now. */
const BOOT_SLACK_MS = 5_000
const predatesBoot = async (lockDir: string): Promise<boolean> =>
  stat(lockDir).then(({ mtimeMs }) => mtimeMs < Date.now() - uptime() * 1000 - BOOT_SLACK_MS, () => false)

/**
 * Breaks the lock when its holder cannot be writing any more. proper-lockfile
 * only declares a lock stale once its mtime stops moving (`stale`), and then
 * cannot remove it, as the owner file is inside. A writer records its pid
 * there, so after a crash on this machine the next writer takes over at once,
 * however old the lock; a lock without a readable owner, or owned on another
 * machine, once stale. A live owner on this machine keeps its lock even if a
 * busy event loop left it untouched, unless it dates from before a restart
 * (its pid then names some other process). The folder is claimed by an atomic
 * rename and checked afterwards, so a lock that changed hands in between is
 * put back rather than stolen.
 */
async function breakAbandoned(lockDir: string, stale: boolean): Promise<boolean> {
  const owner = await readOwner(lockDir)
  if (!owner) return stale && breakLock(lockDir, null)
  const abandoned = owner.host === host ? !isAlive(owner.pid) || (stale && (await predatesBoot(lockDir))) : stale
  return abandoned && breakLock(lockDir, owner.token)
}

/** Removes the lock folder if it still belongs to the owner identified by `token` (null: to nobody). */
async function breakLock(lockDir: string, token: string | null): Promise<boolean> {
  const tomb = `${lockDir}.${randomUUID()}.dead`
  try {
    await rename(lockDir, tomb)
  } catch {
    return false
  }
  if (((await readOwner(tomb))?.token ?? null) !== token) {
    await rename(tomb, lockDir).catch(() => undefined)
    return false
  }
  await rm(tomb, { recursive: true, force: true })
  await removeDeadDrafts(dirname(lockDir), basename(lockDir))
  return true
}

/** Owner drafts left by writers that crashed while waiting for the lock; call holding it. */
export const removeLockLeftovers = (lockDir: string): Promise<void> => removeDeadDrafts(dirname(lockDir), basename(lockDir))

async function removeDeadDrafts(dir: string, lockName: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const pid = Number(name.startsWith(`${lockName}.`) && name.endsWith('.owner') ? name.slice(lockName.length + 1).split('.')[0] : NaN)
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(join(dir, name), { force: true })
  }
}

/**
 * Runs `fn` holding the library's cross-process lock, so the app and the CLI
 * (or two CLIs) never interleave writes. Held only around one write, for
 * milliseconds; a caller that waits too long gets a plain-words error.
 */
export async function withLibraryLock<T>(libraryDir: string, lockDir: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now()
  // Written before taking the lock and renamed in right after, so the lock is without an owner for the shortest time.
  const me: Owner = { pid: process.pid, host, token: randomUUID() }
  const draft = `${lockDir}.${me.pid}.${me.token}.owner`
  await writeFile(draft, JSON.stringify(me))
  let release: (() => Promise<void>) | undefined
  let releasing = false
  for (let attempt = 0; !release; attempt++) {
    try {
      release = await lockfile.lock(libraryDir, {
        lockfilePath: lockDir,
        realpath: false,
        // The shortest proper-lockfile allows: the wait after a crash that left no owner file behind.
        stale: 2_000,
        // Touched often, so a long write (rebuilding a big index) never looks stale to a waiting process.
        update: 500,
        // A lost lock only concerns the write in progress, which is atomic anyway: never crash the app over it.
        // A refresh already under way when the write ends sees the owner file go, and reads that as a takeover: not one.
        onCompromised: (error) => {
          if (!releasing) console.warn('[copydesk] library lock compromised:', error.message)
        }
      })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ELOCKED' && code !== 'ENOTEMPTY') {
        await rm(draft, { force: true })
        throw error
      }
      // ENOTEMPTY: proper-lockfile judged the lock stale by its mtime but could not rmdir it, as the owner file is inside.
      if (await breakAbandoned(lockDir, code === 'ENOTEMPTY')) continue
      if (Date.now() - started > WAIT_LIMIT_MS) {
        await rm(draft, { force: true })
        throw new UserError('conflict', 'The library is busy: another Copydesk window or command is writing to it. Try again in a moment.')
      }
      await sleep(Math.min(50, 2 + attempt * 2))
    }
  }
  const ownerFile = join(lockDir, 'owner')
  try {
    // Adding the owner changes the lock folder's mtime, which proper-lockfile
    // reads as another process taking the lock over at its next refresh (any
    // write longer than half a second, such as rebuilding a big index): put back the one it set.
    // Synchronous, so that refresh cannot run in between: on a busy laptop each file call can wait
    // longer than the half-second refresh, which then saw a foreign mtime or had its own overwritten.
    const { mtime } = statSync(lockDir)
    renameSync(draft, ownerFile)
    utimesSync(lockDir, mtime, mtime)
    return await fn()
  } finally {
    releasing = true
    // In the same tick as release(), which stops the refresh before the emptied folder's new mtime is read.
    rmSync(ownerFile, { force: true })
    // Already released means another writer judged it stale during a long write and took over; the write itself is done.
    await release().catch((error: Error) => console.warn('[copydesk] library lock was taken over:', error.message))
  }
}
