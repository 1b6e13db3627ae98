import { isAscii } from 'node:buffer'
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Adapter } from 'lowdb'
import type * as z from 'zod'
import { indexEntrySchema, INDEX_FORMAT_VERSION, OBJECT_LINES_VERSION, SINGLE_OBJECT_SEAL, singleObjectSnapshotSchema, snapshotHeaderSchema, trashEntrySchema, type Snapshot } from './index-schema'
import { entryOfRow, entryRow, trashOfRow, trashRow, type EntryRow } from './index-rows'
import { writeFileAtomic } from './json-file'
import { asciiOnly, SealedJsonFile } from './sealed-json-file'
import { StringPool } from './string-pool'
import type { IndexEntry, TrashEntry } from './summary'

type LinesVersion = typeof INDEX_FORMAT_VERSION | typeof OBJECT_LINES_VERSION
/** What the digest is keyed by: a snapshot of one format never passes for another's. */
const sealKey = (version: LinesVersion): string => `copydesk-index-${version}`
/** How every snapshot of a format of lines starts: JSON.stringify keeps the header's fields in the order written. */
const headerStart = (version: LinesVersion): Buffer => Buffer.from(`{"formatVersion":${version},`)
const HEADER_LENGTH = headerStart(INDEX_FORMAT_VERSION).length
const sealLine = (digest: string): string => `{"sha256":"${digest}"}`
const NEWLINE = 0x0a
/** Bytes read, and written, at a time: the file is never held whole, as bytes or as one string. */
const CHUNK = 1 << 20

/**
 * Calls `onRun` with each run of complete lines (its bytes, the last newline
 * included) as the file is read; returns the length of a torn last line. The
 * reads are synchronous, one chunk per turn of the event loop: from the page
 * cache a chunk takes a fraction of a millisecond, while each read through
 * libuv's thread pool waited for a pool thread and then for this one to be
 * scheduled again, which with every core busy cost an opening of 50,000
 * articles hundreds of milliseconds over 25 reads.
 */
async function eachRun(fd: number, onRun: (run: Buffer) => void): Promise<number> {
  const buffer = Buffer.allocUnsafe(CHUNK)
  let carry: Buffer | null = null
  for (let first = true; ; first = false) {
    if (!first) await nextTurn()
    const bytesRead = readSync(fd, buffer, 0, CHUNK, null)
    if (bytesRead === 0) return carry?.length ?? 0
    let chunk = buffer.subarray(0, bytesRead)
    if (carry) {
      const newline = chunk.indexOf(NEWLINE)
      if (newline === -1) {
        carry = Buffer.concat([carry, chunk])
        continue
      }
      onRun(Buffer.concat([carry, chunk.subarray(0, newline + 1)]))
      carry = null
      chunk = chunk.subarray(newline + 1)
    }
    const end = chunk.lastIndexOf(NEWLINE) + 1
    if (end > 0) onRun(chunk.subarray(0, end))
    // Copied: the buffer is read into again.
    if (end < chunk.length) carry = Buffer.from(chunk.subarray(end))
  }
}

/** One copy of each tag, author, category, status and promo id, however many entries name it. */
function shareStrings(entries: IndexEntry[], pool: StringPool): void {
  for (const entry of entries) {
    entry.status = pool.share(entry.status) as IndexEntry['status']
    entry.category = pool.share(entry.category)
    for (const list of [entry.tags, entry.authors, entry.promoIds]) pool.shareEach(list)
  }
}

class DamagedSnapshot extends Error {}

/**
 * lowdb storage for the library index snapshot: a header line saying how
 * many entries follow, one line per entry (a row of its values, index-rows.ts),
 * and a last line with the SHA-256 of everything before it, keyed by the
 * format. Read a megabyte at a time and parsed line by line, a snapshot of
 * 50,000 articles never sits in memory as 25 MB of bytes plus 25 MB of text,
 * as one JSON object did. A file whose digest matches is exactly what
 * Copydesk wrote from values that had passed the schema, so its entries are
 * used as parsed; any other (damaged, edited by hand, cut short) is checked
 * entry by entry, and one that does not hold the entries its header
 * announces is refused. Written atomically, in plain ASCII (one-byte
 * strings, the cheapest to decode). Snapshots of one object per line
 * (format 2) are read too, and written again as rows.
 */
export class SnapshotFile implements Adapter<Snapshot> {
  /** Snapshots of format 1, one JSON object, are still read; the caller writes them again in this format. */
  private readonly singleObject: SealedJsonFile<z.infer<typeof singleObjectSnapshotSchema>>

  constructor(private readonly file: string) {
    this.singleObject = new SealedJsonFile(file, singleObjectSnapshotSchema, SINGLE_OBJECT_SEAL)
  }

  async read(): Promise<Snapshot | null> {
    return (await this.readSealed())?.value ?? null
  }

  /** The snapshot (null when there is none) and whether it is sealed, in this format and ASCII, so need not be written again; throws when damaged. */
  async readSealed(): Promise<{ value: Snapshot; current: boolean } | null> {
    let fd: number
    try {
      fd = openSync(this.file, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      const start = Buffer.alloc(HEADER_LENGTH)
      const bytesRead = readSync(fd, start, 0, start.length, 0)
      const version = ([INDEX_FORMAT_VERSION, OBJECT_LINES_VERSION] as const).find((known) => bytesRead === start.length && start.equals(headerStart(known)))
      if (version === undefined) {
        const older = await this.singleObject.readSealed()
        if (!older) return null
        const { name, createdAt, generation, articles, trash } = older.value
        return { value: { name, createdAt, generation, articles, trash }, current: false }
      }
      return await this.readLines(fd, version)
    } finally {
      closeSync(fd)
    }
  }

  private async readLines(fd: number, version: LinesVersion): Promise<{ value: Snapshot; current: boolean }> {
    const hash = createHash('sha256').update(sealKey(version))
    const rows = version === INDEX_FORMAT_VERSION
    const pool = new StringPool()
    // A row's entry is made here whether sealed or not: one that is not a row fails the schema's check below.
    // Its strings are shared as it is made; an older format's, once all are read.
    const entryOf = rows ? (line: string) => entryOfRow(JSON.parse(line) as EntryRow, pool) : (line: string) => JSON.parse(line) as IndexEntry
    const trashOf = rows ? (line: string) => trashOfRow(JSON.parse(line) as EntryRow, pool) : (line: string) => JSON.parse(line) as TrashEntry
    let header: z.infer<typeof snapshotHeaderSchema> | null = null
    const articles: IndexEntry[] = []
    const trash: TrashEntry[] = []
    let seal: string | null = null
    let allAscii = true
    const torn = await eachRun(fd, (run) => {
      const ascii = isAscii(run)
      allAscii &&= ascii
      // Decoded once for the whole run: each line is a slice of it, which JSON.parse reads in place.
      const text = run.toString(ascii ? 'latin1' : 'utf8')
      for (let start = 0; start < text.length; ) {
        const end = text.indexOf('\n', start)
        const line = text.slice(start, end)
        start = end + 1
        if (seal !== null) throw new DamagedSnapshot('The index snapshot goes on after its seal.')
        if (!header) header = snapshotHeaderSchema.parse(JSON.parse(line))
        else if (articles.length < header.articles) articles.push(entryOf(line))
        else if (trash.length < header.trash) trash.push(trashOf(line))
        else seal = line
      }
      // Every line before the seal is sealed; the seal, when in this run, is its last line.
      hash.update(seal === null ? run : run.subarray(0, run.lastIndexOf(NEWLINE, run.length - 2) + 1))
    })
    // Cut short: a write that never finished, or a copy that stopped.
    if (torn > 0) throw new DamagedSnapshot('The index snapshot ends in the middle of a line.')
    const found = header as z.infer<typeof snapshotHeaderSchema> | null
    if (!found || articles.length !== found.articles || trash.length !== found.trash) throw new DamagedSnapshot('The index snapshot holds fewer entries than it says.')
    const sealed = seal === sealLine(hash.digest('hex'))
    const checked = sealed ? { articles, trash } : { articles: articles.map((entry) => indexEntrySchema.parse(entry)), trash: trash.map((entry) => trashEntrySchema.parse(entry)) }
    if (!rows) {
      shareStrings(checked.articles, pool)
      shareStrings(checked.trash, pool)
    }
    const { name, createdAt, generation } = found
    return { value: { name, createdAt, generation, ...checked }, current: sealed && allAscii && version === INDEX_FORMAT_VERSION }
  }

  async write(data: Snapshot): Promise<void> {
    const hash = createHash('sha256').update(sealKey(INDEX_FORMAT_VERSION))
    const parts: Buffer[] = []
    let pending: string[] = []
    let size = 0
    const flush = (): void => {
      const part = Buffer.from(pending.join(''), 'latin1')
      hash.update(part)
      parts.push(part)
      pending = []
      size = 0
    }
    const add = (value: unknown): void => {
      const line = `${asciiOnly(JSON.stringify(value))}\n`
      pending.push(line)
      size += line.length
      if (size >= CHUNK) flush()
    }
    const { name, createdAt, generation, articles, trash } = data
    add({ formatVersion: INDEX_FORMAT_VERSION, name, createdAt, generation, articles: articles.length, trash: trash.length })
    for (const entry of articles) add(entryRow(entry))
    for (const entry of trash) add(trashRow(entry))
    flush()
    parts.push(Buffer.from(`${sealLine(hash.digest('hex'))}\n`))
    await writeFileAtomic(this.file, parts)
  }
}
