import { NodeSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Starts dragging the block at `pos` the way ProseMirror drags its own
 * draggable nodes: select it, put it on the drag data, and mark the drag as
 * a move so the editor's drop handler removes it from where it was.
 */
export function startBlockDrag(view: EditorView, pos: number, data: DataTransfer): void {
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
  const slice = view.state.selection.content()
  const { dom, text } = view.serializeForClipboard(slice)
  data.clearData()
  data.setData('text/html', dom.innerHTML)
  data.setData('text/plain', text)
  data.effectAllowed = 'copyMove'
  const block = view.nodeDOM(pos)
  if (block instanceof HTMLElement) data.setDragImage(block, 0, 0)
  view.dragging = { slice, move: true }
}

/** A drop outside the editor leaves the move pending; forget it. */
export function endBlockDrag(view: EditorView): void {
  view.dragging = null
}
