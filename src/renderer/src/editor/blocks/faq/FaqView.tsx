import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { Plus, X } from 'lucide-react'
import { shortcuts } from '../../../../../shared/shortcuts'
import { shortcutLabel } from '../../shortcuts'
import { blockControlsProps, controlProps } from '../block-controls'
import { insertFaqItem } from './faq-commands'

/** An FAQ block: its editable heading, its items, and a way to add one more. */
export function FaqView({ node, editor, getPos, updateAttributes, deleteNode }: ReactNodeViewProps): React.JSX.Element {
  const title = String(node.attrs['title'] ?? '')

  const addItem = (): void => {
    const pos = getPos()
    if (pos === undefined) return
    // The end of the FAQ's content: just before its closing token.
    editor.commands.command(({ tr }) => (insertFaqItem(tr, pos + node.nodeSize - 1), true))
    // Focus now, not on the next frame as Tiptap's focus does, so typing goes straight into the new question.
    editor.view.focus()
  }

  return (
    <NodeViewWrapper as="section" className="faq-block" aria-label={`FAQ: ${title || 'FAQs'}`} {...blockControlsProps}>
      <header className="block-header" contentEditable={false}>
        <span className="block-kind" data-drag-handle>
          FAQ
        </span>
        <input
          className="faq-title"
          aria-label="FAQ heading"
          {...controlProps(true)}
          placeholder="FAQs"
          value={title}
          spellCheck
          onChange={(event) => updateAttributes({ title: event.target.value })}
        />
        <button type="button" className="ghost block-remove" aria-label="Remove FAQ block" title="Remove FAQ block" onClick={deleteNode} {...controlProps(false)}>
          <X size={16} aria-hidden="true" />
        </button>
      </header>
      <NodeViewContent className="faq-items" />
      <footer className="block-footer" contentEditable={false}>
        <button type="button" className="ghost block-add" onClick={addItem} title={`Add a question (${shortcutLabel(shortcuts.faqNextQuestion.keys)} in an answer)`} {...controlProps(false)}>
          <Plus size={16} aria-hidden="true" /> Add question
        </button>
      </footer>
    </NodeViewWrapper>
  )
}
