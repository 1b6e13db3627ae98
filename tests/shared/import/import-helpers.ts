import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Node as PMNode } from '@tiptap/pm/model'
import { expect } from 'vitest'
import { editableFieldsSchema } from '../../../src/shared/article/article'
import { toProseMirror } from '../../../src/shared/schema/to-prosemirror'
import { UserError } from '../../../src/shared/ipc/result'
import { parseImportFile, type ImportedArticle } from '../../../src/shared/import'

export const importFixture = (name: string): string => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8')

export interface Imported extends ImportedArticle {
  /** The body parsed by the editor's real schema. */
  doc: PMNode
}

/**
 * Imports and checks what every import must give: fields the article schema
 * accepts and a body the editor's schema accepts.
 */
export function importOk(name: string, content: string): Imported {
  const result = parseImportFile(name, content)
  expect(editableFieldsSchema.partial().safeParse(result.fields).error).toBeUndefined()
  expect(result.fields.body).toBeDefined()
  return { ...result, doc: toProseMirror(result.fields.body!) }
}

/** The file is refused with an invalid-input UserError naming it; returns the message. */
export function importRefused(name: string, content: string): string {
  try {
    parseImportFile(name, content)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).code).toBe('invalid-input')
    expect((error as UserError).message.startsWith(`${name}: `)).toBe(true)
    return (error as UserError).message
  }
  throw new Error(`${name} was imported but should have been refused`)
}

export function nodesOf(doc: PMNode, type: string): PMNode[] {
  const found: PMNode[] = []
  doc.descendants((node) => {
    if (node.type.name === type) found.push(node)
  })
  return found
}

/** Every FAQ block as plain data: title, and each question with its answer's text. */
export function faqsOf(doc: PMNode): { title: string; items: { question: string; answer: string }[] }[] {
  return nodesOf(doc, 'faq').map((faq) => ({
    title: String(faq.attrs['title']),
    items: nodesOf(faq, 'faqItem').map((item) => ({
      question: item.child(0).textContent,
      answer: item.child(1).textBetween(0, item.child(1).content.size, '\n')
    }))
  }))
}

/** Texts of the links in the body with their targets. */
export function linksOf(doc: PMNode): { text: string; href: string }[] {
  const links: { text: string; href: string }[] = []
  doc.descendants((node) => {
    const link = node.marks.find((mark) => mark.type.name === 'link')
    if (node.isText && link) links.push({ text: node.text ?? '', href: String(link.attrs['href']) })
  })
  return links
}

/** Top-level blocks as "type: text" lines, to read a whole body at a glance. */
export const outline = (doc: PMNode): string[] => {
  const lines: string[] = []
  doc.forEach((node) => {
    const level = node.type.name === 'heading' ? ` h${String(node.attrs['level'])}` : ''
    lines.push(`${node.type.name}${level}: ${node.textContent}`.trimEnd())
  })
  return lines
}

const bodyOf = (markdown: string): string => markdown.replace(/^---\n[\s\S]*?\n---\n/, '')

/**
 * The sample post (front matter, headings, quotes, FAQ, promos) followed by
 * copies of its body as further parts, up to `bytes` of UTF-8 at most: real
 * Markdown of any length. Each part keeps its FAQ section and two promos.
 */
export function longMarkdown(bytes: number): { markdown: string; parts: number } {
  const post = importFixture('netflix-generative-ai.md')
  const part = (index: number): string => `\n\n## Part ${index}\n\n${bodyOf(post).replace('## FAQs', '## More FAQs')}`
  const pieces = [post]
  let size = Buffer.byteLength(post)
  for (let next = part(2); size + Buffer.byteLength(next) <= bytes; next = part(pieces.length + 1)) {
    pieces.push(next)
    size += Buffer.byteLength(next)
  }
  return { markdown: pieces.join(''), parts: pieces.length }
}

/** The sample post as LibreOffice saves it as HTML, its body repeated as parts up to `bytes` of UTF-8 at most. */
export function longPage(bytes: number): { html: string; parts: number } {
  const page = importFixture('libreoffice/netflix-generative-ai.html')
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page)![1]!
  const part = (index: number): string => `<h2>Part ${index}</h2>${body.replace(/FAQ/g, 'Questions')}`
  const overhead = Buffer.byteLength(page) - Buffer.byteLength(body)
  const parts = Math.floor((bytes - overhead) / Buffer.byteLength(part(99_999)))
  return { html: page.replace(body, Array.from({ length: parts }, (_, i) => part(i + 1)).join('')), parts }
}
