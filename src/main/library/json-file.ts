import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import writeFileAtomic from 'write-file-atomic'

/**
 * Every library write goes through here: a temp file in the same folder,
 * fsync, then rename, so a reader (or a crash) sees the old file or the new
 * one, never half of one.
 */
export async function writeJsonAtomic(file: string, value: unknown, options: { pretty?: boolean } = {}): Promise<void> {
  const text = options.pretty === false ? JSON.stringify(value) : JSON.stringify(value, null, 2)
  await writeFileAtomic(file, `${text}\n`, { fsync: true })
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
