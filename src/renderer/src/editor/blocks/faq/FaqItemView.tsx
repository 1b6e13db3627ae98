import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { moveBlock, type Direction } from '../../extensions/move-block'
import { withShortcut } from '../../shortcuts'
import { removeFaqItem } from './faq-commands'

/** One question and its answer, with buttons to reorder or remove it. */
export function FaqItemView({ editor, getPos }: ReactNodeViewProps): React.JSX.Element {
  const run = (change: (tr: Parameters<typeof removeFaqItem>[0], pos: number) => boolean): void => {
    const pos = getPos()
    if (pos === undefined) return
    editor.commands.command(({ tr }) => change(tr, pos))
    editor.view.focus()
  }
  const move = (direction: Direction) => () => run((tr, pos) => moveBlock(tr, pos, direction))

  return (
    <NodeViewWrapper className="faq-item">
      <NodeViewContent className="faq-item-content" />
      <div className="faq-item-tools" contentEditable={false}>
        <button type="button" className="ghost" aria-label="Move question up" title={withShortcut('Move up', 'Alt-Shift-ArrowUp')} onClick={move('up')}>
          ↑
        </button>
        <button type="button" className="ghost" aria-label="Move question down" title={withShortcut('Move down', 'Alt-Shift-ArrowDown')} onClick={move('down')}>
          ↓
        </button>
        <button
          type="button"
          className="ghost"
          aria-label="Remove question"
          title={withShortcut('Remove question', 'Mod-Shift-Backspace')}
          onClick={() => run(removeFaqItem)}
        >
          ×
        </button>
      </div>
    </NodeViewWrapper>
  )
}
