import { Extension } from '@tiptap/core'
import { closeHistory } from '@tiptap/pm/history'
import { Fragment } from '@tiptap/pm/model'
import { NodeSelection, TextSelection, type Selection, type Transaction } from '@tiptap/pm/state'

export type Direction = 'up' | 'down'

/** The block a move applies to: a selected block, else the FAQ item or top-level block holding the cursor. */
export function movableBlockAt(selection: Selection): number | null {
  if (selection instanceof NodeSelection && selection.node.isBlock) return selection.from
  const { $from } = selection
  for (let depth = $from.depth; depth > 1; depth--) {
    if ($from.node(depth).type.name === 'faqItem') return $from.before(depth)
  }
  return $from.depth >= 1 ? $from.before(1) : null
}

/**
 * Swaps the block starting at `pos` with its previous or next sibling, keeping
 * the selection inside the moved block so repeated moves keep working.
 */
export function moveBlock(tr: Transaction, pos: number, direction: Direction): boolean {
  const $pos = tr.doc.resolve(pos)
  const node = $pos.nodeAfter
  if (!node) return false
  const index = $pos.index()
  const siblingIndex = direction === 'up' ? index - 1 : index + 1
  if (siblingIndex < 0 || siblingIndex >= $pos.parent.childCount) return false
  const sibling = $pos.parent.child(siblingIndex)

  const from = direction === 'up' ? pos - sibling.nodeSize : pos
  const to = direction === 'up' ? pos + node.nodeSize : pos + node.nodeSize + sibling.nodeSize
  const newPos = direction === 'up' ? from : from + sibling.nodeSize
  const { selection } = tr
  tr.replaceWith(from, to, Fragment.from(direction === 'up' ? [node, sibling] : [sibling, node]))
  const inside = (p: number): boolean => p >= pos && p <= pos + node.nodeSize
  if (selection instanceof NodeSelection && selection.from === pos) {
    tr.setSelection(NodeSelection.create(tr.doc, newPos))
  } else if (inside(selection.anchor) && inside(selection.head)) {
    tr.setSelection(TextSelection.create(tr.doc, newPos + selection.anchor - pos, newPos + selection.head - pos))
  }
  // Each move is its own step in the undo history, however quickly moves follow each other.
  closeHistory(tr).scrollIntoView()
  return true
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    moveBlock: {
      /** Moves the current block (or FAQ item) one place up or down. */
      moveBlock: (direction: Direction) => ReturnType
    }
  }
}

export const MoveBlock = Extension.create({
  name: 'moveBlock',
  addCommands() {
    return {
      moveBlock:
        (direction) =>
        ({ tr }) => {
          const pos = movableBlockAt(tr.selection)
          return pos !== null && moveBlock(tr, pos, direction)
        }
    }
  },
  addKeyboardShortcuts() {
    return {
      'Alt-Shift-ArrowUp': () => this.editor.commands.moveBlock('up'),
      'Alt-Shift-ArrowDown': () => this.editor.commands.moveBlock('down')
    }
  }
})
