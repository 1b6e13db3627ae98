import { ImportContext } from '../../shared/import/import-context'
import { checkImportSize } from '../../shared/import/size-caps'

/**
 * A file's bytes as text. A byte-order mark says the encoding (Windows
 * editors save "Unicode" text as UTF-16 with one); without one it is read
 * as UTF-8, and read-text tells binary or mis-encoded files apart. The mark
 * itself is dropped.
 */
export function decodeImportBytes(name: string, bytes: Uint8Array): string {
  checkImportSize(bytes.byteLength, new ImportContext(name))
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
  return new TextDecoder(encoding).decode(bytes)
}
