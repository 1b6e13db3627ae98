import type { Root } from 'mdast'
import type { EditableFields } from '../article/article'
import { bodyStats, type BodyDoc } from '../article/body'
import { toProseMirror } from '../schema/to-prosemirror'
import { append } from './append'
import { fitText, limits } from './field-limits'
import { readHtmlPage } from './html/import-html'
import { ImportContext } from './import-context'
import { readArticleJson } from './json/import-json'
import { readMarkdownFile } from './markdown/import-markdown'
import { gatherFaqSections } from './mdast/faq-sections'
import { mdastToBody } from './mdast/to-body'
import { readText } from './read-text'
import { checkFormatSize, checkImportSize, checkWordCount } from './size-caps'
import type { DocxImage } from './docx/import-docx'

export interface ImportedArticle {
  fields: Partial<EditableFields>
  warnings: string[]
  /** Images the file carried inside it (a Word document's), for the media folder; the body refers to each by its `src`. */
  images?: DocxImage[]
}

type Format = 'markdown' | 'html' | 'json'

const formatsByExtension: Record<string, Format> = {
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown', mkdn: 'markdown', mdx: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html',
  json: 'json'
}

/**
 * Reads one file for the library to import: Markdown with front matter
 * (Hugo, Jekyll, Astro), a saved HTML page, or a Copydesk article file.
 * Pure: no file system, no DOM. A file that cannot be imported throws a
 * UserError ('invalid-input') whose message names the file and the problem.
 */
export function parseImportFile(name: string, content: string): ImportedArticle {
  const ctx = new ImportContext(name)
  const fileName = name.split(/[\\/]/).pop() ?? name
  const text = readText(content, ctx)
  const format = formatOf(fileName, text, ctx)
  checkFormatSize(format, text, ctx)
  try {
    const fields = format === 'json' ? readArticleJson(text, ctx) : readDocument(format, fileName, text, ctx)
    return { fields, warnings: ctx.warnings() }
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) ctx.fail('its structure is too deep or too wide to import (too many elements inside one another or side by side).')
    throw error
  }
}

/** A Word document (.docx): read through mammoth as an HTML page, its images handed back for the media folder. */
export async function parseDocxFile(name: string, bytes: Uint8Array): Promise<ImportedArticle> {
  const ctx = new ImportContext(name)
  const fileName = name.split(/[\\/]/).pop() ?? name
  checkImportSize(bytes.byteLength, ctx)
  // Loaded only for a Word document: mammoth, jszip and their helpers are about 750 KB, which every
  // import thread evaluated at its start even for Markdown, HTML and JSON files.
  const { docxToHtml } = await import('./docx/import-docx')
  const { html, images } = await docxToHtml(bytes, ctx)
  const fields = readDocument('html', fileName, html, ctx)
  return { fields, warnings: ctx.warnings(), images }
}

export const isDocxName = (name: string): boolean => /\.docx$/i.test(name)

function formatOf(fileName: string, text: string, ctx: ImportContext): Format {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  const known = extension ? formatsByExtension[extension] : undefined
  if (known) return known
  if (extension && extension !== 'txt') {
    ctx.fail(`“.${extension}” files cannot be imported. Import Markdown (.md), HTML (.html), Word (.docx) or Copydesk article (.json) files.`)
  }
  const start = text.trimStart().slice(0, 100).toLowerCase()
  if (start.startsWith('{')) return 'json'
  if (/^<(?:!doctype html|html|head|body|article)[\s>]/.test(start)) return 'html'
  return 'markdown'
}

function readDocument(format: 'markdown' | 'html', fileName: string, text: string, ctx: ImportContext): Partial<EditableFields> {
  let fields: Partial<EditableFields>
  let mdast: Root
  if (format === 'html') {
    const page = readHtmlPage(text, ctx)
    fields = page.fields
    mdast = page.mdast
    mdast.children = gatherFaqSections(mdast.children)
    if (!mdast.children.some((node) => node.type === 'importedFaq') && page.faqFallback.length) {
      ctx.warn('The FAQ was read from the page’s FAQPage data: the page text has no FAQ section.')
      append(mdast.children, gatherFaqSections(page.faqFallback))
    }
  } else {
    const file = readMarkdownFile(fileName, text, ctx)
    fields = file.fields
    mdast = file.mdast
    mdast.children = gatherFaqSections(mdast.children)
  }
  if (!fields.title) titleFromFileName(fileName, fields, ctx)
  return { ...fields, body: checkedBody(mdastToBody(mdast, ctx), ctx) }
}

/**
 * The body as the editor will hold it: no longer than an article may be, and
 * parsed by the real schema, so an import can never store what the editor refuses.
 */
function checkedBody(body: BodyDoc, ctx: ImportContext): BodyDoc {
  checkWordCount(bodyStats(body).words, ctx)
  try {
    return toProseMirror(body).toJSON() as BodyDoc
  } catch (error) {
    return ctx.fail(`its content could not be converted (${(error as Error).message}).`)
  }
}

/** "2025-10-22-netflix-bets-big.md" → "Netflix bets big", as Jekyll does for a post without a title. */
function titleFromFileName(fileName: string, fields: Partial<EditableFields>, ctx: ImportContext): void {
  const stem = fileName.replace(/\.[a-z0-9]+$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, '')
  const words = stem.replace(/[-_\s]+/g, ' ').trim()
  if (!words || /^_?(index|readme)$/i.test(stem)) {
    ctx.warn('The file has no title; give the article one.')
    return
  }
  fields.title = fitText(words.charAt(0).toUpperCase() + words.slice(1), limits.title, 'title', ctx)
  ctx.warn(`The file has no title; “${fields.title}” was made from its name.`)
}
