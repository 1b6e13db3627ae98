import { MAX_IMPORT_BYTES } from '../library-api'
import type { ImportContext } from './import-context'

const MB = 1024 * 1024

/**
 * The most of each format Copydesk reads, set so that a file of real
 * content under the cap is read within the import's time budget (4 s) on a
 * busy two-core machine, with room to spare; a file built to be slow is
 * still stopped by the budget. Measured on the sample post repeated (the
 * figures tests/main/library/import-thread.test.ts prints):
 * - Markdown: micromark takes about 1.5 s a MB, and the whole read about
 *   2 s a MB (10 MB took 20 s), so 1 MB.
 * - HTML: a page's markup and text take about 1 s a MB to read and build;
 *   inline scripts, styles and images (data: addresses) are dropped and
 *   cost next to nothing (a 10 MB page of them reads in under 1 s), so the
 *   cap counts only the rest: 2 MB.
 * - Copydesk JSON and Word documents: the transfer limit. JSON is read by
 *   JSON.parse and checked once; a Word document's weight is mostly its
 *   images, and one whose text is slow to read meets the budget.
 */
export const importSizeCaps = { markdown: 1 * MB, html: 2 * MB, json: MAX_IMPORT_BYTES, docx: MAX_IMPORT_BYTES } as const

/** A file's size, rounded up so a file just over a cap never reads as its size. */
const fileSize = (bytes: number): string => `${(Math.ceil((bytes / MB) * 10) / 10).toFixed(1)} MB`
const capSize = (bytes: number): string => `${bytes / MB} MB`

/** Refuses a file over the transfer limit, before anything reads it. */
export function checkImportSize(bytes: number, ctx: ImportContext): void {
  if (bytes > MAX_IMPORT_BYTES) ctx.fail(`the file is ${fileSize(bytes)}; Copydesk imports files up to ${capSize(MAX_IMPORT_BYTES)}.`)
}

/** UTF-8 size without Buffer or TextEncoder, which src/shared cannot rely on. */
export function utf8Length(text: string): number {
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

/** UTF-8 size of `text`, counted only when it could pass `cap` (a character is one to three bytes). */
const sizeOver = (text: string, cap: number): number | null => {
  if (text.length * 3 <= cap) return null
  const bytes = utf8Length(text)
  return bytes > cap ? bytes : null
}

/** What a page holds besides the scripts, styles and data: addresses the import drops unread. */
const markupOf = (html: string): string =>
  html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/data:[^"'\s)>]*/gi, '')

/** Refuses, in words a writer can act on, a file of `format` larger than Copydesk reads in time. */
export function checkFormatSize(format: 'markdown' | 'html' | 'json', text: string, ctx: ImportContext): void {
  const cap = importSizeCaps[format]
  if (format === 'markdown') {
    const bytes = sizeOver(text, cap)
    if (bytes !== null) {
      ctx.fail(`the file is ${fileSize(bytes)}; Copydesk imports Markdown files of up to ${capSize(cap)}, which it reads in a few seconds. Split it into smaller files and import each.`)
    }
  } else if (format === 'html') {
    const bytes = sizeOver(text, cap) === null ? null : sizeOver(markupOf(text), cap)
    if (bytes !== null) {
      ctx.fail(
        `the page holds ${fileSize(bytes)} of text and markup (not counting scripts, styles and embedded images); Copydesk imports pages of up to ${capSize(cap)}, which it reads in a few seconds. Save only the article, or split the page, and import that.`
      )
    }
  }
}
