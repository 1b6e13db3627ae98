import { NodeView, type NodeViewRendererProps } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { ArrowDown, ArrowUp, X } from 'lucide-react'
import { shortcuts } from '../../../../../shared/shortcuts'
import { moveBlock } from '../../extensions/move-block'
import { withShortcut } from '../../shortcuts'
import { domButton } from '../dom-button'
import { drawIcon } from '../dom-icon'
import { removeFaqItem } from './faq-commands'

type Change = (tr: Transaction, pos: number) => boolean

const icons = { up: drawIcon(ArrowUp), down: drawIcon(ArrowDown), remove: drawIcon(X) }

/**
 * One question and its answer, with buttons to reorder or remove it. Drawn
 * without React: an article holds dozens of items, and each React node view
 * is a portal that listens for every event type and renders on its own.
 * Tiptap's NodeView keeps the same event and mutation handling as before.
 */
export class FaqItemView extends NodeView<null> {
  private readonly root = document.createElement('div')
  private readonly content = document.createElement('div')

  constructor(props: NodeViewRendererProps) {
    super(null, props)
    this.root.className = 'faq-item'
    this.content.className = 'faq-item-content'
    const tools = document.createElement('div')
    tools.className = 'faq-item-tools'
    tools.contentEditable = 'false'
    tools.append(
      this.button('Move question up', withShortcut('Move up', shortcuts.moveBlockUp.keys), icons.up, (tr, pos) => moveBlock(tr, pos, 'up')),
      this.button('Move question down', withShortcut('Move down', shortcuts.moveBlockDown.keys), icons.down, (tr, pos) => moveBlock(tr, pos, 'down')),
      this.button('Remove question', withShortcut('Remove question', shortcuts.faqRemoveQuestion.keys), icons.remove, removeFaqItem)
    )
    this.root.append(this.content, tools)
  }

  override get dom(): HTMLElement {
    return this.root
  }

  override get contentDOM(): HTMLElement {
    return this.content
  }

  /** Nothing drawn here depends on the item's content, which ProseMirror draws in contentDOM. */
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false
    this.node = node
    return true
  }

  private button(label: string, title: string, icon: ReturnType<typeof drawIcon>, change: Change): HTMLButtonElement {
    return domButton({ className: 'ghost', label, title, icon, first: false, onClick: () => this.run(change) })
  }

  private run(change: Change): void {
    const pos = this.getPos()
    if (pos === undefined) return
    this.editor.commands.command(({ tr }) => change(tr, pos))
    this.editor.view.focus()
  }
}
