import { randomInt } from 'node:crypto'
import { open, readFile, rename, rm } from 'node:fs/promises'
import type { Adapter } from 'lowdb'

/**
 * Every library write goes through here: a temp file in the same folder,
 * fsync, then rename, so a reader (or a crash) sees the old file or the new
 * one, never half of one. Not write-file-atomic: it resolves the target's
 * real path first, so a link planted at `file` would have the write land
 * wherever it points. Here the temp file is created exclusively (never
 * through a link) and the rename replaces a link by the file itself.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | readonly Uint8Array[],
  // `<file>.<digits>` by default: the temp name opening recognizes as an interrupted write (layout.ts).
  temp = `${file}.${randomInt(1e9, 1e12)}`
): Promise<void> {
  const handle = await open(temp, 'wx')
  try {
    // Parts are written one by one, so a big file (the search index) is never copied into one buffer.
    if (Array.isArray(data)) for (const part of data as readonly Uint8Array[]) await handle.writeFile(part)
    else await handle.writeFile(data as string | Uint8Array)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  await rename(temp, file).catch(async (error: unknown) => {
    await rm(temp, { force: true })
    throw error
  })
}

export async function writeJsonAtomic(file: string, value: unknown, options: { pretty?: boolean } = {}): Promise<void> {
  const text = options.pretty === false ? JSON.stringify(value) : JSON.stringify(value, null, 2)
  await writeFileAtomic(file, `${text}\n`)
}

/** Parsed JSON, or null when the file does not exist; anything else unreadable throws. */
export async function readJsonIfExists(file: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  return JSON.parse(text) as unknown
}

/** lowdb storage with the same atomic, fsynced writes as the rest of the library (lowdb's own JSONFile skips fsync). */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly options: { pretty?: boolean } = {}
  ) {}

  async read(): Promise<T | null> {
    return (await readJsonIfExists(this.file)) as T | null
  }

  write(data: T): Promise<void> {
    return writeJsonAtomic(this.file, data, this.options)
  }
}
