import { randomBytes } from 'node:crypto'
import { readSync } from 'node:fs'
import { open, readdir, rm, type FileHandle } from 'node:fs/promises'
import { endianness } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { crc32 } from 'node:zlib'
import { writeFileAtomic } from './json-file'
import { isAlive } from './lock'
import { grown, type PostingSource } from './search-postings'
import { SearchIndex, type SearchSnapshot } from './search-index'
import { TermList } from './search-term-list'

/**
 * The search index saved next to the library index, so that opening a big
 * library again searches within a second instead of re-reading every
 * article. Like the library index it is a cache: any doubt about it (another
 * format, a checksum that does not match, parts that do not fit) and it is
 * ignored and built again from the articles.
 *
 * Layout: a 32-byte preamble (magic, format, header size, CRC-32 of all that
 * follows, byte order), a JSON header (article ids with the version indexed,
 * the words in one string, the size of each part) padded to 4 bytes, then
 * the parts as raw 32-bit arrays: per field the word counts per article, then
 * per field the row starts and the postings. Raw arrays read back without
 * parsing, and the postings (nearly all of the file) are not read back at
 * all: queries read the rows they need from the file.
 */
const MAGIC = Buffer.from('copydesk-search\n')
// Raise when the tokenizer or the layout changes: older files are then rebuilt.
const FORMAT = 2
const PREAMBLE = MAGIC.length + 16
const LITTLE_ENDIAN = 1

interface Header {
  docs: [string, string][]
  /** The words, each followed by a newline but the last (search-term-list.ts). */
  terms: string
  /** Element counts of the parts, in order. */
  parts: number[]
}

const parts = (snapshot: SearchSnapshot): Uint32Array[] => [
  ...snapshot.lengths,
  ...snapshot.postings.map((rows) => rows.offsets),
  ...snapshot.postings.map((rows) => rows.data)
]
const bytesOf = (array: Uint32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength)

/** Writes `snapshot` to `file`; returns the preamble written, which names this content (its checksum included). */
export async function writeSearchFile(file: string, snapshot: SearchSnapshot): Promise<Buffer> {
  const arrays = parts(snapshot)
  const header: Header = { docs: snapshot.docs, terms: snapshot.terms.joined(), parts: arrays.map((a) => a.length) }
  const json = Buffer.from(JSON.stringify(header))
  const headerBytes = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, ' ')])
  const body = [headerBytes, ...arrays.map(bytesOf)]
  const preamble = Buffer.alloc(PREAMBLE)
  MAGIC.copy(preamble)
  preamble.writeUInt32LE(FORMAT, MAGIC.length)
  preamble.writeUInt32LE(headerBytes.length, MAGIC.length + 4)
  // An empty part is left out of the running checksum: zlib.crc32 answers 0 for a view of an empty ArrayBuffer
  // (zlib's crc32 of no buffer), which broke the chain, so the file was refused as damaged at every opening.
  preamble.writeUInt32LE(body.reduce((crc, part) => (part.length > 0 ? crc32(part, crc) : crc), 0), MAGIC.length + 8)
  preamble.writeUInt32LE(endianness() === 'LE' ? LITTLE_ENDIAN : 0, MAGIC.length + 12)
  await removeDeadTempFiles(file)
  await writeFileAtomic(file, [preamble, ...body], tempName(file))
  return preamble
}

/**
 * The saved index, or null when there is none or it cannot be trusted. Only
 * the words, article ids and row starts are read into memory; the postings
 * are read from the file as queries need them, until the index is closed.
 */
export async function readSearchFile(file: string): Promise<SearchIndex | null> {
  const saved = await openSaved(file).catch(() => null)
  if (!saved) return null
  try {
    return SearchIndex.fromSnapshot({ ...saved, postings: saved.offsets.map((offsets, f) => ({ offsets, data: saved.sources[f]! })) })
  } catch {
    for (const source of saved.sources) source.release()
    return null
  }
}

/**
 * The postings of the file just written with `preamble`, read from it from
 * now on; null when it was replaced meanwhile. Its checksum was computed as
 * it was written, so it is not read through again.
 */
export async function reopenPostings(file: string, preamble: Buffer): Promise<PostingSource[] | null> {
  return (await openSaved(file, preamble).catch(() => null))?.sources ?? null
}

interface Saved extends Omit<SearchSnapshot, 'postings'> {
  offsets: Uint32Array[]
  sources: PostingSource[]
}

const FIELD_COUNT = 3
const CHECK_CHUNK = 1024 * 1024

async function openSaved(file: string, written?: Buffer): Promise<Saved> {
  const handle = await open(file, 'r')
  try {
    const problem = (what: string): Error => new Error(`the saved search index ${what}`)
    const { size } = await handle.stat()
    const preamble = await readAt(handle, 0, PREAMBLE)
    if (size < PREAMBLE || !preamble.subarray(0, MAGIC.length).equals(MAGIC)) throw problem('is not a search index file')
    if (preamble.readUInt32LE(MAGIC.length) !== FORMAT) throw problem('has another format')
    if (preamble.readUInt32LE(MAGIC.length + 12) !== (endianness() === 'LE' ? LITTLE_ENDIAN : 0)) throw problem('has another byte order')
    if (written && !preamble.equals(written)) throw problem('was replaced')
    // Read through in chunks, so that checking a big file does not hold all of it.
    if (!written && (await checksumFrom(handle, PREAMBLE, size)) !== preamble.readUInt32LE(MAGIC.length + 8)) throw problem('is damaged')
    const headerLength = preamble.readUInt32LE(MAGIC.length + 4)
    const header = JSON.parse((await readAt(handle, PREAMBLE, headerLength)).toString()) as Partial<Header>
    const { docs, terms, parts: sizes } = header
    if (
      !Array.isArray(docs) || !docs.every((d) => Array.isArray(d) && typeof d[0] === 'string' && typeof d[1] === 'string') ||
      typeof terms !== 'string' ||
      !Array.isArray(sizes) || sizes.length !== FIELD_COUNT * 3 || !sizes.every((n) => Number.isInteger(n) && n >= 0)
    ) {
      throw problem('has a broken header')
    }
    if (PREAMBLE + headerLength + sizes.reduce((sum, n) => sum + n * 4, 0) !== size) throw problem('has the wrong length')
    // The word counts and row starts, which every query reads, come into memory in one read.
    const inMemory = sizes.slice(0, 2 * FIELD_COUNT)
    const small = new Uint32Array(inMemory.reduce((sum, n) => sum + n, 0))
    await readInto(handle, small, PREAMBLE + headerLength)
    let at = 0
    const arrays = inMemory.map((n) => small.subarray(at, (at += n)))
    let byte = PREAMBLE + headerLength + small.byteLength
    const saved = new SavedPostings(handle, FIELD_COUNT)
    const sources = sizes.slice(2 * FIELD_COUNT).map((n) => {
      const source = saved.source(byte, n)
      byte += n * 4
      return source
    })
    return { docs, terms: TermList.fromJoined(terms), lengths: arrays.slice(0, FIELD_COUNT), offsets: arrays.slice(FIELD_COUNT), sources }
  } catch (error) {
    await handle.close()
    throw error
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(length)
  const { bytesRead } = await handle.read(bytes, 0, length, position)
  return bytes.subarray(0, bytesRead)
}

async function readInto(handle: FileHandle, array: Uint32Array, position: number): Promise<void> {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
  for (let done = 0; done < bytes.length; ) {
    const { bytesRead } = await handle.read(bytes, done, bytes.length - done, position + done)
    if (!bytesRead) throw new Error('the saved search index was cut short while read')
    done += bytesRead
  }
}

async function checksumFrom(handle: FileHandle, start: number, end: number): Promise<number> {
  const chunk = Buffer.allocUnsafe(CHECK_CHUNK)
  let crc = 0
  for (let at = start; at < end; ) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(CHECK_CHUNK, end - at), at)
    if (!bytesRead) break
    crc = crc32(chunk.subarray(0, bytesRead), crc)
    at += bytesRead
  }
  return crc
}

// Short rows read lately are kept: typing a query asks for the same words again and again, and a prefix or a typo
// stands for many rare words. Longer rows (common words) are read into one reused array instead.
const CACHE_BYTES = 4 * 1024 * 1024
const CACHED_ROW_BYTES = 16 * 1024

/**
 * One open search file, whose postings the index's fields read a row at a
 * time. Reads are synchronous, as a query is: a row is a few kilobytes,
 * normally in the system's file cache. The file stays open while a field
 * reads from it; a newer file written meanwhile replaces it by a rename,
 * which leaves this one readable as it was.
 */
class SavedPostings {
  private readonly cache = new Map<number, Uint32Array>()
  private cachedBytes = 0
  private scratch = new Uint32Array(1024)

  constructor(
    private readonly handle: FileHandle,
    private users: number
  ) {}

  source(byteStart: number, length: number): PostingSource {
    let released = false
    return {
      length,
      slice: (start, end) => this.read(byteStart + start * 4, end - start),
      all: () => this.readInto(new Uint32Array(length), byteStart),
      release: () => {
        if (released) return
        released = true
        if (--this.users === 0) {
          this.cache.clear()
          void this.handle.close()
        }
      }
    }
  }

  private read(position: number, count: number): Uint32Array {
    const cached = this.cache.get(position)
    if (cached?.length === count) {
      this.cache.delete(position)
      this.cache.set(position, cached)
      return cached
    }
    if (count * 4 > CACHED_ROW_BYTES) {
      this.scratch = grown(this.scratch, count)
      return this.readInto(this.scratch.subarray(0, count), position)
    }
    const row = this.readInto(new Uint32Array(count), position)
    this.cache.set(position, row)
    this.cachedBytes += row.byteLength
    for (const [at, old] of this.cache) {
      if (this.cachedBytes <= CACHE_BYTES) break
      this.cache.delete(at)
      this.cachedBytes -= old.byteLength
    }
    return row
  }

  private readInto(row: Uint32Array, position: number): Uint32Array {
    const bytes = new Uint8Array(row.buffer, row.byteOffset, row.byteLength)
    for (let done = 0; done < bytes.length; ) {
      const read = readSync(this.handle.fd, bytes, done, bytes.length - done, position + done)
      if (!read) throw new Error('the saved search index was cut short while searching')
      done += read
    }
    return row
  }
}

const tempName = (file: string): string => `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`

/** A writer killed mid-write leaves its temp file; one whose process is gone is removed. */
async function removeDeadTempFiles(file: string): Promise<void> {
  const prefix = `${basename(file)}.`
  for (const name of await readdir(dirname(file)).catch(() => [])) {
    const pid = Number(/^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '')?.[1])
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await rm(join(dirname(file), name), { force: true })
  }
}
