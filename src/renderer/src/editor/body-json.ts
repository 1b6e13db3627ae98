import type { Node as PMNode } from '@tiptap/pm/model'
import type { BodyDoc, BodyNode } from '../../../shared/article/body'

const jsonOfBlock = new WeakMap<PMNode, BodyNode>()

/**
 * A top-level block as the library stores it. ProseMirror keeps every block
 * an edit did not touch as the same node, so each version of a block is
 * turned into JSON once, for the word count and the autosave alike. Callers
 * only read the result: it is shared.
 */
export function blockJson(block: PMNode): BodyNode {
  let json = jsonOfBlock.get(block)
  if (!json) {
    json = block.toJSON() as BodyNode
    jsonOfBlock.set(block, json)
  }
  return json
}

/** The editor's body as editor.getJSON() gives it, without turning the blocks a keystroke left alone into JSON again. */
export function bodyJson(doc: PMNode): BodyDoc {
  const content: BodyNode[] = []
  doc.forEach((block) => content.push(blockJson(block)))
  return { type: 'doc', content }
}
