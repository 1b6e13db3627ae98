import { NodeView, type NodeViewRendererProps } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plus, X } from 'lucide-react'
import { shortcuts } from '../../../../../shared/shortcuts'
import { shortcutLabel } from '../../shortcuts'
import { markBlockControls, markControl } from '../block-controls'
import { domButton } from '../dom-button'
import { drawIcon } from '../dom-icon'
import { insertFaqItem } from './faq-commands'

const icons = { add: drawIcon(Plus), remove: drawIcon(X) }

/**
 * An FAQ block: its editable heading, its items, and a way to add one more.
 * Drawn without React, as its items are (faq-item-view.ts): a React node view
 * is a portal that React draws again whenever the block changes, which is on
 * every key typed in it.
 */
export class FaqView extends NodeView<null> {
  private readonly root = document.createElement('section')
  private readonly items = document.createElement('div')
  private readonly heading = document.createElement('input')

  constructor(props: NodeViewRendererProps) {
    super(null, props)
    this.root.className = 'faq-block node-faq'
    markBlockControls(this.root)
    const header = document.createElement('header')
    header.className = 'block-header'
    header.contentEditable = 'false'
    const kind = document.createElement('span')
    kind.className = 'block-kind'
    kind.dataset['dragHandle'] = ''
    kind.textContent = 'FAQ'
    this.heading.className = 'faq-title'
    this.heading.setAttribute('aria-label', 'FAQ heading')
    this.heading.placeholder = 'FAQs'
    this.heading.spellcheck = true
    markControl(this.heading, true)
    this.heading.addEventListener('input', () => this.updateAttributes({ title: this.heading.value }))
    header.append(
      kind,
      this.heading,
      domButton({ className: 'ghost block-remove', label: 'Remove FAQ block', title: 'Remove FAQ block', icon: icons.remove, first: false, onClick: () => this.deleteNode() })
    )
    // The items sit one level down, as they did in the React view, so the block looks the same.
    const items = document.createElement('div')
    items.className = 'faq-items'
    items.append(this.items)
    const footer = document.createElement('footer')
    footer.className = 'block-footer'
    footer.contentEditable = 'false'
    footer.append(
      domButton({
        className: 'ghost block-add',
        title: `Add a question (${shortcutLabel(shortcuts.faqNextQuestion.keys)} in an answer)`,
        icon: icons.add,
        text: 'Add question',
        first: false,
        onClick: () => this.addItem()
      })
    )
    this.root.append(header, items, footer)
    this.root.addEventListener('dragstart', (event) => this.onDragStart(event))
    this.show()
  }

  override get dom(): HTMLElement {
    return this.root
  }

  override get contentDOM(): HTMLElement {
    return this.items
  }

  /** The heading is the only part drawn here; ProseMirror draws the items in contentDOM. */
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    this.show()
    return true
  }

  private show(): void {
    const title = String(this.node.attrs['title'] ?? '')
    // Only when it differs (an undo, a sync): setting the value moves the caret of someone typing in it.
    if (this.heading.value !== title) this.heading.value = title
    this.root.setAttribute('aria-label', `FAQ: ${title || 'FAQs'}`)
  }

  private addItem(): void {
    const pos = this.getPos()
    if (pos === undefined) return
    // The end of the FAQ's content: just before its closing token.
    this.editor.commands.command(({ tr }) => (insertFaqItem(tr, pos + this.node.nodeSize - 1), true))
    // Focus now, not on the next frame as Tiptap's focus does, so typing goes straight into the new question.
    this.editor.view.focus()
  }
}
