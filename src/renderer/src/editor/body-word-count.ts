import type { Node as PMNode } from '@tiptap/pm/model'
import { bodyStats, statsOfWords } from '../../../shared/article/body'
import { blockJson } from './body-json'

const wordsInBlock = new WeakMap<PMNode, number>()

/**
 * The status bar's word count for the editor's document, without turning the
 * whole article into JSON after each pause in typing. ProseMirror keeps every
 * block a change did not touch as the same node, so each top-level block's
 * count is cached on the block and only edited blocks are counted again. The
 * count per block is the library's own (bodyStats), so both always agree.
 */
export function liveBodyStats(doc: PMNode): { words: number; readingMinutes: number } {
  let words = 0
  doc.forEach((block) => {
    let count = wordsInBlock.get(block)
    if (count === undefined) {
      count = bodyStats(blockJson(block)).words
      wordsInBlock.set(block, count)
    }
    words += count
  })
  return statsOfWords(words)
}
