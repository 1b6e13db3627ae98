import type { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { BodyDoc } from '../../../../shared/article/body'
import { DIRECT_EDIT_META } from '../../../../shared/review/track-changes'
import { adoptStoredBlocks, bodyJson, linkBlockJson } from '../body-json'
import type { BodySource } from './article-saver'
import { takeIn } from './take-in'

/** Marks the transaction that brings the library's body in: not an edit to save, and not a suggestion to track. */
export const TAKEN_IN_META = 'copydesk:takenIn'

/**
 * The editor keeps a paragraph after a final block (an FAQ, a promo) so there
 * is always somewhere to type. Adding it before the editor starts keeps
 * opening an article from counting as an edit.
 */
export function withTrailingParagraph(body: BodyDoc): BodyDoc {
  return body.content.at(-1)?.type === 'paragraph' ? body : { ...body, content: [...body.content, { type: 'paragraph' }] }
}

/**
 * The body as stored: without the empty paragraph the editor keeps after a
 * final block. It is the editor's place to type, not part of the article, and
 * left in, the first save after opening changed the article's end as well as
 * the paragraph typed in, so it sent every block between them.
 */
function withoutTrailingParagraph(body: BodyDoc): BodyDoc {
  const [before, last] = body.content.slice(-2)
  const added = before && before.type !== 'paragraph' && last?.type === 'paragraph' && !last.content?.length
  return added ? { ...body, content: body.content.slice(0, -1) } : body
}

/** Where top-level block `index` of `doc` starts. */
function blockStart(doc: PMNode, index: number): number {
  let pos = 0
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
  return pos
}

/**
 * The editor as its saver reads it and writes the library's body into it.
 * `opened` is the body the editor started with, as the library stored it.
 */
export function editorBody(editor: Editor, opened: BodyDoc): BodySource {
  const first = editor.state.doc
  let last = first
  let adopted = false
  const json = (doc: PMNode): BodyDoc => {
    // On the first read, not at opening: an article only read never pays for it.
    if (!adopted) adoptStoredBlocks(first, opened)
    adopted = true
    return withoutTrailingParagraph(bodyJson(doc))
  }
  return {
    read() {
      const doc = editor.state.doc
      if (doc.eq(last)) return null
      last = doc
      return json(doc)
    },
    take(basis, body) {
      const doc = editor.state.doc
      const now = json(doc)
      const plan = takeIn(basis, now, body)
      if (!plan) return null
      if (plan.remove === 0 && plan.insert.length === 0) return plan.basis
      const blocks = plan.insert.map((block) => {
        const node = editor.schema.nodeFromJSON(block)
        linkBlockJson(node, block)
        return node
      })
      // At the end, the place to type after a final block goes or comes with what is now the final block.
      const atEnd = plan.index + plan.remove === now.content.length
      const end = atEnd ? doc.childCount : plan.index + plan.remove
      const final = atEnd ? (plan.insert.at(-1) ?? now.content[plan.index - 1]) : undefined
      if (atEnd && final?.type !== 'paragraph') blocks.push(editor.schema.nodes['paragraph']!.create())
      const tr = editor.state.tr.replaceWith(blockStart(doc, plan.index), blockStart(doc, end), blocks)
      // Not undone by Ctrl+Z: it is someone else's edit, not this writer's.
      editor.view.dispatch(tr.setMeta('addToHistory', false).setMeta(DIRECT_EDIT_META, true).setMeta(TAKEN_IN_META, true))
      // Nothing typed since the basis: the editor now holds what the library does, and there is nothing to save.
      if (!plan.typedSince) last = editor.state.doc
      return plan.basis
    }
  }
}
