import { MAX_IMPORT_BYTES } from '../library-api'
import type { ImportContext } from './import-context'

const MB = 1024 * 1024

/**
 * The most of each format Copydesk reads, set so that a file of real
 * content under the cap is read within the import's time budget (3.5 s) on a
 * busy two-core machine, with room to spare; a file built to be slow is
 * still stopped by the budget. Measured on the sample post repeated (the
 * figures tests/main/library/import-thread.test.ts prints):
 * - Markdown: micromark takes about 1.5 s a MB, and the whole read about
 *   2 s a MB (10 MB took 20 s), so 1 MB.
 * - HTML: a page's markup and text take about 1 s a MB to read and build;
 *   inline scripts, styles and images (data: addresses) are dropped and
 *   cost next to nothing (a 10 MB page of them reads in under 1 s), so the
 *   cap counts only the rest: 2 MB.
 * - Copydesk JSON and Word documents: the transfer limit. A Word document's
 *   weight is mostly its images; what bounds the time of both is the word
 *   cap below, counted before the slow steps (the JSON schema check, mammoth).
 */
export const importSizeCaps = { markdown: 1 * MB, html: 2 * MB, json: MAX_IMPORT_BYTES, docx: MAX_IMPORT_BYTES } as const

/**
 * The longest article an import makes, whatever the format: about 5,000
 * paragraphs, which the editor still opens and types into without a pause
 * a writer would mind, and which every step of an import (reading, checking,
 * writing, indexing for search) gets through in well under a second. A 20 MB
 * Copydesk JSON file can hold ten times that, which took the whole import
 * past 6 s and 500 MB; a Word document of that much text took mammoth alone
 * longer than the time budget.
 */
export const IMPORT_MAX_WORDS = 200_000

/** Refuses an article of more than IMPORT_MAX_WORDS words, saying how many it has and what to do. */
export function checkWordCount(words: number, ctx: ImportContext): void {
  if (words > IMPORT_MAX_WORDS) {
    ctx.fail(
      `it holds ${words.toLocaleString('en')} words; Copydesk imports up to ${IMPORT_MAX_WORDS.toLocaleString('en')} words per article. Split it into several articles and import each.`
    )
  }
}

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
