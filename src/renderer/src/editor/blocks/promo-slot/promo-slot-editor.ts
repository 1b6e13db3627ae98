import { ReactNodeViewRenderer } from '@tiptap/react'
import { PromoSlot } from '../../../../../shared/blocks/promo-slot/promo-slot-node'
import { PromoSlotView } from './PromoSlotView'

/** The shared promo-slot node with its editor view. The picker's search box and buttons keep their events. */
export const PromoSlotWithView = PromoSlot.extend({
  addNodeView: () =>
    ReactNodeViewRenderer(PromoSlotView, {
      stopEvent: ({ event }) => {
        const target = event.target as HTMLElement | null
        return !event.type.startsWith('drag') && event.type !== 'drop' && !!target?.closest('button, input, .promo-picker')
      }
    })
})
