import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { endBlockDrag, startBlockDrag } from './block-drag'
import { withShortcut } from './shortcuts'

interface Target {
  pos: number
  top: number
}

/** The top-level block level with the pointer, and where its top sits inside `page`. */
function blockAt(editor: Editor, page: HTMLElement, clientY: number): Target | null {
  const { view } = editor
  const box = view.dom.getBoundingClientRect()
  const hit = view.posAtCoords({ left: box.left + box.width / 2, top: clientY })
  if (!hit) return null
  const $pos = view.state.doc.resolve(hit.inside >= 0 ? hit.inside : hit.pos)
  const pos = $pos.depth > 0 ? $pos.before(1) : hit.inside >= 0 ? hit.inside : null
  const dom = pos === null ? null : view.nodeDOM(pos)
  if (pos === null || !(dom instanceof HTMLElement)) return null
  return { pos, top: dom.getBoundingClientRect().top - page.getBoundingClientRect().top }
}

/**
 * A grip beside the block under the pointer: drag it to move the block (the
 * editor's own drop handling does the move), click it to select the block.
 * Keyboard users move blocks with Alt+Shift+↑/↓.
 */
export function DragHandle({ editor, page }: { editor: Editor; page: HTMLElement | null }): React.JSX.Element | null {
  const [target, setTarget] = useState<Target | null>(null)

  useEffect(() => {
    if (!page) return
    let frame = 0
    const onMove = (event: MouseEvent): void => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setTarget(editor.isDestroyed ? null : blockAt(editor, page, event.clientY)))
    }
    const onLeave = (): void => {
      cancelAnimationFrame(frame)
      setTarget(null)
    }
    page.addEventListener('mousemove', onMove)
    page.addEventListener('mouseleave', onLeave)
    return () => {
      cancelAnimationFrame(frame)
      page.removeEventListener('mousemove', onMove)
      page.removeEventListener('mouseleave', onLeave)
    }
  }, [editor, page])

  if (!target) return null

  return (
    <div
      className="drag-handle"
      style={{ top: target.top }}
      draggable
      tabIndex={-1}
      role="button"
      aria-label="Move block"
      title={`Drag to move, click to select · ${withShortcut('Move up', 'Alt-Shift-ArrowUp')} · ${withShortcut('Move down', 'Alt-Shift-ArrowDown')}`}
      onDragStart={(event) => startBlockDrag(editor.view, target.pos, event.dataTransfer)}
      onDragEnd={() => endBlockDrag(editor.view)}
      onMouseDown={(event) => event.stopPropagation()}
      onClick={() => editor.chain().focus().setNodeSelection(target.pos).run()}
    >
      ⠿
    </div>
  )
}
