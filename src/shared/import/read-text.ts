import type { ImportContext } from './import-context'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** UTF-8 size without Buffer or TextEncoder, which src/shared cannot rely on. */
function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * The checks every format shares: size, emptiness and whether this is text at
 * all. A binary file read as UTF-8 is full of NULs, control characters and
 * U+FFFD; text in another encoding has a few U+FFFD, which is worth a warning.
 * Returns the text without a byte-order mark and with `\n` line ends.
 */
export function readText(content: string, ctx: ImportContext): string {
  // Three bytes per UTF-16 unit at most: only count when it could matter.
  if (content.length * 3 > MAX_IMPORT_BYTES) {
    const bytes = utf8Length(content)
    if (bytes > MAX_IMPORT_BYTES) ctx.fail(`the file is ${megabytes(bytes)}; Copydesk imports files up to ${megabytes(MAX_IMPORT_BYTES)}.`)
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
