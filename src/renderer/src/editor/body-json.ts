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

/** Records that `block` is `json`: a block the editor built from the library's JSON is that JSON (see adoptStoredBlocks). */
export function linkBlockJson(block: PMNode, json: BodyNode): void {
  jsonOfBlock.set(block, json)
}

/** The editor's body as editor.getJSON() gives it, without turning the blocks a keystroke left alone into JSON again. */
export function bodyJson(doc: PMNode): BodyDoc {
  const content: BodyNode[] = []
  doc.forEach((block) => content.push(blockJson(block)))
  return { type: 'doc', content }
}

/**
 * Lets the blocks of the editor's first document that are as `stored` holds
 * them be that stored JSON itself. Saves send the blocks that differ from the
 * stored body by identity (blockSplice), so the first autosave after opening
 * sends what was edited, not every block.
 */
export function adoptStoredBlocks(doc: PMNode, stored: BodyDoc): void {
  doc.forEach((block, _offset, index) => {
    const json = stored.content[index]
    if (json && json !== jsonOfBlock.get(block) && JSON.stringify(blockJson(block)) === JSON.stringify(json)) jsonOfBlock.set(block, json)
  })
}
