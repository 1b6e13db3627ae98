import { Node, mergeAttributes } from '@tiptap/core'

/**
 * A placement of a promo from the library's promo collection. It stores only
 * the promo's id: the promo itself is edited once and resolved at export time.
 */
export const PromoSlot = Node.create({
  name: 'promoSlot',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { promoId: { default: null } }
  },
  parseHTML: () => [{ tag: 'aside[data-type="promo-slot"]' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes(HTMLAttributes, { 'data-type': 'promo-slot' })]
})
