import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import type * as z from 'zod'
import { writeFileAtomic } from './json-file'

const FIELD = ',"sha256":"'
const HEX_LENGTH = 64
const END = '"}\n'
const NOT_ASCII = /[\u0080-\uffff]/g

/**
 * JSON with every character past ASCII written as a \u escape: a file of
 * plain ASCII bytes decodes to a one-byte string, which reading 50,000
 * entries (each lead ends with “…”) did at about half the CPU cost of the
 * UTF-8 it replaced. Any JSON reader reads it back the same.
 */
export const asciiOnly = (json: string): string => json.replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/**
 * lowdb storage for a big JSON object that only Copydesk writes (the library
 * index snapshot): written atomically like every library file, with the
 * SHA-256 of its text, keyed by what the file is (`seal`, which names its
 * format version), as its last field. A file whose digest matches is exactly
 * what this version of Copydesk wrote from values that had passed the schema,
 * so reading it skips checking 50,000 entries again. A file changed in any way
 * (damage, a hand edit, a copy written by another version) is checked in full.
 */
export class SealedJsonFile<T extends object> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly seal: string
  ) {}

  /** The value, or null when the file does not exist; throws when the file is not what the schema says. */
  async read(): Promise<T | null> {
    return (await this.readSealed())?.value ?? null
  }

  /**
   * As read(), and whether the file's seal held (an unsealed file was checked
   * against the schema instead), and whether it is written as this version
   * writes it: sealed, and plain ASCII (a sealed file of UTF-8 is an older
   * version's, worth writing again once).
   */
  async readSealed(): Promise<{ value: T; sealed: boolean; current: boolean } | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    const text = bytes.toString('utf8')
    const value = JSON.parse(text) as unknown
    if (!this.intact(bytes)) return { value: this.schema.parse(value), sealed: false, current: false }
    const { sha256: _seal, ...sealed } = value as T & { sha256: string }
    // One character per byte: nothing past ASCII.
    return { value: sealed as T, sealed: true, current: text.length === bytes.length }
  }

  write(data: T): Promise<void> {
    const text = asciiOnly(JSON.stringify(data))
    return writeFileAtomic(this.file, `${text.slice(0, -1)}${FIELD}${this.digest(text.slice(0, -1))}${END}`)
  }

  /** The digest of the object as written without its digest field: everything before that field, and the closing brace. */
  private digest(body: string | Uint8Array): string {
    return createHash('sha256').update(this.seal).update(body).update('}').digest('hex')
  }

  private intact(bytes: Buffer): boolean {
    const at = bytes.length - END.length - HEX_LENGTH - FIELD.length
    if (at < 0 || bytes.toString('latin1', at, at + FIELD.length) !== FIELD || bytes.toString('latin1', bytes.length - END.length) !== END) return false
    return bytes.toString('latin1', at + FIELD.length, at + FIELD.length + HEX_LENGTH) === this.digest(bytes.subarray(0, at))
  }
}
