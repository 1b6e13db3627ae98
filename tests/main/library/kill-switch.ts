/**
 * Imported first by the crash writer: with COPYDESK_KILL_AT_CALL=n the
 * process SIGKILLs itself just before its n-th call that changes the disk,
 * whichever module makes it (the library, write-file-atomic, proper-lockfile
 * through graceful-fs, which copies `fs` when loaded, hence first). Stepping n
 * puts a real crash at every step of opening and writing, in turn.
 */
import fs from 'node:fs'
import fsPromises from 'node:fs/promises'

const killAt = Number(process.env['COPYDESK_KILL_AT_CALL'] ?? 0)
const changing = ['open', 'write', 'writeFile', 'appendFile', 'fsync', 'fdatasync', 'close', 'rename', 'mkdir', 'rmdir', 'rm', 'unlink', 'utimes', 'truncate', 'ftruncate']
let calls = 0

function guard(module: object, name: string): void {
  const target = module as Record<string, unknown>
  const original = target[name]
  if (typeof original !== 'function') return
  target[name] = function (this: unknown, ...args: unknown[]) {
    if (++calls === killAt) process.kill(process.pid, 'SIGKILL')
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  }
}

if (killAt > 0) for (const name of changing) for (const module of [fs, fsPromises]) guard(module, name)
