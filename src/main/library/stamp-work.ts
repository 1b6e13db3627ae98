import { lstatSync } from 'node:fs'
import { sep } from 'node:path'

/**
 * The files of a library's article and trash folders, stamped by two
 * threads at once: the stamp thread, and the main thread whenever it has
 * nothing else to do. Both take the next block of files from one counter in
 * shared memory, so neither waits while the other still has files to stamp.
 */
export interface StampWork {
  /** The first file no thread has taken yet. */
  next: Int32Array
  /** For each file, its mtime and size; NaN when it vanished between listing and stat. */
  stamps: Float64Array
}

/** Files taken at a time: few enough that the threads end close together, enough that the counter is rarely touched. */
export const STAMP_BLOCK = 256

export function sharedStampWork(files: number): { buffer: SharedArrayBuffer; work: StampWork } {
  const buffer = new SharedArrayBuffer(8 + files * 16)
  return { buffer, work: stampWorkOf(buffer) }
}

export const stampWorkOf = (buffer: SharedArrayBuffer): StampWork => ({ next: new Int32Array(buffer, 0, 1), stamps: new Float64Array(buffer, 8) })

/** The path of each file: the live folder's keys are ids, the trash's whole names. */
export function stampPaths(articles: string, liveIds: readonly string[], trash: string, trashNames: readonly string[]): (i: number) => string {
  // The folders' paths are absolute and normal: path.join would only normalize them again, 50,000 times.
  return (i) => (i < liveIds.length ? `${articles}${sep}${liveIds[i]!}.json` : `${trash}${sep}${trashNames[i - liveIds.length]!}`)
}

/** Stamps the next block of files not yet taken; false when none was left. */
export function stampBlock(work: StampWork, pathOf: (i: number) => string): boolean {
  const total = work.stamps.length / 2
  const from = Atomics.add(work.next, 0, STAMP_BLOCK)
  if (from >= total) return false
  for (let i = from; i < Math.min(from + STAMP_BLOCK, total); i++) {
    const stats = lstatSync(pathOf(i), { throwIfNoEntry: false })
    work.stamps[i * 2] = stats ? stats.mtimeMs : NaN
    work.stamps[i * 2 + 1] = stats ? stats.size : NaN
  }
  return true
}
