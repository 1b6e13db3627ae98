import { watch } from 'node:fs'
import { INDEX_FILE, JOURNAL_FILE, PROMOS_FILE } from './layout'

/** Every change another process makes to a library ends in one of these. */
const WATCHED = new Set([JOURNAL_FILE, INDEX_FILE, PROMOS_FILE])

/**
 * Calls `onChange` shortly after another process may have changed the
 * library in `dir`; returns a function that stops watching. It watches the
 * folder rather than the files, since atomic writes and compactions replace
 * a file by renaming another over it, which a watch on the file itself would
 * lose. A write fires several events (temp file, data, rename), so they are
 * gathered for `delayMs` into one call.
 */
export function watchLibrary(dir: string, onChange: () => void, delayMs = 100): () => void {
  let timer: NodeJS.Timeout | null = null
  let watcher: ReturnType<typeof watch> | null = null
  const stop = (): void => {
    watcher?.close()
    watcher = null
    if (timer) clearTimeout(timer)
    timer = null
  }
  try {
    watcher = watch(dir, { persistent: false })
  } catch (error) {
    console.warn('[copydesk] cannot watch the library for changes made elsewhere:', (error as Error).message)
    return stop
  }
  watcher.on('change', (_event, name) => {
    // Some platforms do not say which file changed: then it may be one of ours.
    if (name !== null && !WATCHED.has(String(name))) return
    timer ??= setTimeout(() => {
      timer = null
      onChange()
    }, delayMs).unref()
  })
  watcher.on('error', (error) => {
    console.warn('[copydesk] stopped watching the library for changes made elsewhere:', error.message)
    stop()
  })
  return stop
}
