import { constants, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { UserError } from '../../shared/ipc/result'

/**
 * What is in the way when a site path holds something other than a regular
 * file, or null for a file. Opening a FIFO waits for a writer forever, and a
 * device or socket is nothing an export should read or replace.
 */
export function notAFile(stats: Stats): string | null {
  if (stats.isFile()) return null
  if (stats.isDirectory()) return 'a folder'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return 'something that is not a file'
}

export const inTheWay = (rel: string, what: string): UserError =>
  new UserError('conflict', `Cannot write “${rel}”: ${what} of that name is in the way. Nothing was exported; move it away and export again.`)

/**
 * Never waits on the open: should a FIFO appear between the check that a path
 * holds a file and the read, the open returns at once and fstat refuses it.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT'

/** A regular file's bytes, null when nothing is there; anything else at the path is refused (see notAFile). */
export async function readRegularFile(file: string, rel: string): Promise<Buffer | null> {
  const handle = await open(file, READ_FLAGS).catch((error: unknown) => {
    if (missing(error)) return null
    throw error
  })
  if (!handle) return null
  try {
    const what = notAFile(await handle.stat())
    if (what) throw inTheWay(rel, what)
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

/** As readRegularFile, synchronous for render threads. */
export function readRegularFileSync(file: string, rel: string): Buffer | null {
  let fd: number
  try {
    fd = openSync(file, READ_FLAGS)
  } catch (error) {
    if (missing(error)) return null
    throw error
  }
  try {
    const what = notAFile(fstatSync(fd))
    if (what) throw inTheWay(rel, what)
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}
