import { Extension } from '@tiptap/core'
import { Faq, FaqItem } from '../../../../../shared/blocks/faq/faq-nodes'
import { enterAnswer, faqItemDepth, insertFaqItem, leaveAnswer, removeFaqItem } from './faq-commands'
import { FaqItemView } from './faq-item-view'
import { FaqView } from './faq-view'

export const FaqWithView = Faq.extend({ addNodeView: () => (props) => new FaqView(props) })
export const FaqItemWithView = FaqItem.extend({ addNodeView: () => (props) => new FaqItemView(props) })

/**
 * Keys inside FAQs. A separate extension rather than keys on the nodes, so
 * it can run before the paragraph and list keys without moving the nodes in
 * the schema's order.
 */
export const FaqKeyboard = Extension.create({
  name: 'faqKeyboard',
  priority: 1000,
  addKeyboardShortcuts() {
    const inItem = (change: (tr: Parameters<typeof insertFaqItem>[0], itemPos: number, itemEnd: number) => boolean) => () =>
      this.editor.commands.command(({ tr }) => {
        const depth = faqItemDepth(tr.selection.$from)
        return depth !== null && change(tr, tr.selection.$from.before(depth), tr.selection.$from.after(depth))
      })
    return {
      Enter: () => this.editor.commands.command(({ tr }) => enterAnswer(tr) || leaveAnswer(tr)),
      'Mod-Enter': inItem((tr, _pos, end) => (insertFaqItem(tr, end), true)),
      'Mod-Shift-Backspace': inItem((tr, pos) => removeFaqItem(tr, pos))
    }
  }
})
