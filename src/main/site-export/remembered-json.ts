import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs'
import { writeViaTemp } from './write-via-temp'

/**
 * The files an export reads and rewrites whole every run, the site's manifest
 * and the library's render cache, hold an entry per article: at 10,000
 * articles, parsing and checking one took longer than the rest of a re-export
 * after one edit. So the value this process last read or wrote is kept with
 * its file's stamp and reused while the file keeps that stamp. A file another
 * process or a person changed has another stamp and is read and checked again.
 * Callers must treat remembered values as read-only.
 */
const remembered = new Map<string, { stamp: string; value: unknown }>()

const stampOf = (stats: Stats): string => `${stats.ino} ${stats.size} ${stats.mtimeMs}`

/**
 * The file's value as `parse` makes it, or null when there is no file to read; throws what `parse` throws.
 * The file calls are synchronous: every export checks the manifest and the render cache's 64 shards, and as
 * thread-pool round trips those 200-odd calls held up a re-export after one edit longer than the calls take,
 * the more so on a busy machine. Reading a changed file whole takes less than parsing it, which blocks anyway.
 */
export async function readRememberedJson<T>(file: string, parse: (text: string) => T): Promise<T | null> {
  let fd: number
  try {
    // Non-blocking, so a FIFO put in its place is refused below instead of waited on forever.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch {
    return null
  }
  try {
    let stats: Stats
    let text: string
    try {
      stats = fstatSync(fd)
    } catch {
      return null
    }
    if (!stats.isFile()) return null
    const stamp = stampOf(stats)
    const known = remembered.get(file)
    if (known?.stamp === stamp) return known.value as T
    try {
      text = readFileSync(fd, 'utf8')
    } catch {
      return null
    }
    const value = parse(text)
    remembered.set(file, { stamp, value })
    return value
  } finally {
    closeSync(fd)
  }
}

/**
 * Replaces the file with `text` atomically, not fsynced (both files only
 * save work: losing one to a power cut makes the next export slower or more
 * careful, never wrong), and remembers `value`, which `text` must parse to.
 */
export async function writeRememberedJson(file: string, text: string | Uint8Array, value: unknown): Promise<void> {
  // Stamped from the written file before it is renamed into place, so a later write by someone else is never mistaken for this one.
  const stamp = await writeViaTemp(file, async (handle) => {
    await handle.writeFile(text)
    return stampOf(await handle.stat())
  })
  remembered.set(file, { stamp, value })
}
