import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { moveBlock, type Direction } from '../../extensions/move-block'
import { ArrowDown, ArrowUp, X } from 'lucide-react'
import { shortcuts } from '../../../../../shared/shortcuts'
import { withShortcut } from '../../shortcuts'
import { controlProps } from '../block-controls'
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
        <button type="button" className="ghost" aria-label="Move question up" title={withShortcut('Move up', shortcuts.moveBlockUp.keys)} onClick={move('up')} {...controlProps(false)}>
          <ArrowUp size={16} aria-hidden="true" />
        </button>
        <button type="button" className="ghost" aria-label="Move question down" title={withShortcut('Move down', shortcuts.moveBlockDown.keys)} onClick={move('down')} {...controlProps(false)}>
          <ArrowDown size={16} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="ghost"
          aria-label="Remove question"
          title={withShortcut('Remove question', shortcuts.faqRemoveQuestion.keys)}
          onClick={() => run(removeFaqItem)}
          {...controlProps(false)}
        >
          <X size={16} aria-hidden="true" />
        </button>
      </div>
    </NodeViewWrapper>
  )
}
