import type { Editor, JSONContent } from '@tiptap/core'
import { NodeSelection, Selection } from '@tiptap/pm/state'

/**
 * Inserts a block at the cursor and puts the cursor inside it: in the first
 * place text can go, or on the block itself when it holds no text (a promo slot).
 */
export function insertBlock(editor: Editor, content: JSONContent): boolean {
  return editor
    .chain()
    .focus()
    .insertContent(content)
    .command(({ tr }) => {
      const map = tr.steps[tr.steps.length - 1]?.getMap()
      if (!map) return true
      let from = 0
      let to = 0
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        from = newStart
        to = newEnd
      })
      let target = -1
      tr.doc.nodesBetween(from, Math.min(to, tr.doc.content.size), (node, pos) => {
        if (target < 0 && node.type.name === content.type) target = pos
        return target < 0
      })
      const node = target < 0 ? null : tr.doc.nodeAt(target)
      if (!node) return true
      const inside = node.isAtom ? NodeSelection.create(tr.doc, target) : Selection.findFrom(tr.doc.resolve(target), 1, true)
      if (inside) tr.setSelection(inside).scrollIntoView()
      return true
    })
    .run()
}
