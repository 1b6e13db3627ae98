import { MAX_IMPORT_BYTES } from '../library-api'
import type { ImportContext } from './import-context'
import { checkImportSize, utf8Length } from './size-caps'

/**
 * The checks every format shares: size, emptiness and whether this is text at
 * all. A binary file read as UTF-8 is full of NULs, control characters and
 * U+FFFD; text in another encoding has a few U+FFFD, which is worth a warning.
 * Returns the text without a byte-order mark and with `\n` line ends.
 */
export function readText(content: string, ctx: ImportContext): string {
  // Three bytes per UTF-16 unit at most: only count when it could matter.
  if (content.length * 3 > MAX_IMPORT_BYTES) {
    checkImportSize(utf8Length(content), ctx)
  }
  const text = content.replace(/^\uFEFF/, '')
  if (text.trim() === '') ctx.fail('the file is empty.')

  const sample = text.slice(0, 64 * 1024)
  let controls = 0
  let replaced = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    // Tab, line feed, vertical tab, form feed and carriage return are text.
    if (code === 0x7f || (code < 0x20 && (code < 0x09 || code > 0x0d))) controls++
    else if (code === 0xfffd) replaced++
  }
  if (sample.includes('\u0000') || controls > sample.length / 100 || replaced > sample.length / 10) {
    ctx.fail('this is not a text file (it contains binary data). Import Markdown, HTML or Copydesk article files.')
  }
  if (replaced > 0) ctx.warn('Some characters could not be read: the file may not be saved as UTF-8.')
  return text.replace(/\r\n?/g, '\n')
}
