import { randomBytes } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import { endianness } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { crc32 } from 'node:zlib'
import { writeFileAtomic } from './json-file'
import { isAlive } from './lock'
import type { PostingRows } from './search-postings'
import { SearchIndex, type SearchSnapshot } from './search-index'

/**
 * The search index saved next to the library index, so that opening a big
 * library again searches within a second instead of re-reading every
 * article. Like the library index it is a cache: any doubt about it (another
 * format, a checksum that does not match, parts that do not fit) and it is
 * ignored and built again from the articles.
 *
 * Layout: a 32-byte preamble (magic, format, header size, CRC-32 of all that
 * follows, byte order), a JSON header (article ids with the version indexed,
 * the words, the size of each part) padded to 4 bytes, then the parts as raw
 * 32-bit arrays: per field the word counts per article, then per field the
 * row starts and the postings. Raw arrays read back without parsing.
 */
const MAGIC = Buffer.from('copydesk-search\n')
// Raise when the tokenizer or the layout changes: older files are then rebuilt.
const FORMAT = 1
const PREAMBLE = MAGIC.length + 16
const LITTLE_ENDIAN = 1

interface Header {
  docs: [string, string][]
  terms: string[]
  /** Element counts of the parts, in order. */
  parts: number[]
}

const parts = (snapshot: SearchSnapshot): Uint32Array[] => [
  ...snapshot.lengths,
  ...snapshot.postings.map((rows) => rows.offsets),
  ...snapshot.postings.map((rows) => rows.data)
]
const bytesOf = (array: Uint32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength)

export async function writeSearchFile(file: string, snapshot: SearchSnapshot): Promise<void> {
  const arrays = parts(snapshot)
  const header: Header = { docs: snapshot.docs, terms: snapshot.terms, parts: arrays.map((a) => a.length) }
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
}

/** The saved index, or null when there is none or it cannot be trusted. */
export async function readSearchFile(file: string): Promise<SearchIndex | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    return null
  }
  try {
    return SearchIndex.fromSnapshot(decode(bytes))
  } catch {
    return null
  }
}

function decode(bytes: Buffer): SearchSnapshot {
  const problem = (what: string): Error => new Error(`the saved search index ${what}`)
  if (bytes.length < PREAMBLE || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw problem('is not a search index file')
  if (bytes.readUInt32LE(MAGIC.length) !== FORMAT) throw problem('has another format')
  const headerLength = bytes.readUInt32LE(MAGIC.length + 4)
  if (bytes.readUInt32LE(MAGIC.length + 12) !== (endianness() === 'LE' ? LITTLE_ENDIAN : 0)) throw problem('has another byte order')
  if (crc32(bytes.subarray(PREAMBLE)) !== bytes.readUInt32LE(MAGIC.length + 8)) throw problem('is damaged')
  const header = JSON.parse(bytes.subarray(PREAMBLE, PREAMBLE + headerLength).toString()) as Partial<Header>
  const { docs, terms, parts: sizes } = header
  const fieldCount = 3
  if (
    !Array.isArray(docs) || !docs.every((d) => Array.isArray(d) && typeof d[0] === 'string' && typeof d[1] === 'string') ||
    !Array.isArray(terms) || !terms.every((t) => typeof t === 'string') ||
    !Array.isArray(sizes) || sizes.length !== fieldCount * 3 || !sizes.every((n) => Number.isInteger(n) && n >= 0)
  ) {
    throw problem('has a broken header')
  }
  let at = PREAMBLE + headerLength
  if (at + sizes.reduce((sum, n) => sum + n * 4, 0) !== bytes.length) throw problem('has the wrong length')
  const arrays = sizes.map((n) => {
    const start = bytes.byteOffset + at
    at += n * 4
    // A view when the bytes are aligned for one, which a whole-file read normally is; a copy otherwise.
    return start % 4 === 0 ? new Uint32Array(bytes.buffer, start, n) : new Uint32Array(bytes.buffer.slice(start, start + n * 4))
  })
  const postings: PostingRows[] = [0, 1, 2].map((f) => ({ offsets: arrays[fieldCount + f]!, data: arrays[2 * fieldCount + f]! }))
  return { docs, terms, lengths: arrays.slice(0, fieldCount), postings }
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
