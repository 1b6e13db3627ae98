import { PromoSlot } from '../../../../../shared/blocks/promo-slot/promo-slot-node'
import type { LiveValue } from '../../../lib/live-value'
import type { EditorServices } from '../../editor-services'
import { PromoSlotView } from './promo-slot-view'

/** The shared promo-slot node with its editor view, which follows the library's promos in `services`. */
export const promoSlotWithView = (services: LiveValue<EditorServices | null>) =>
  PromoSlot.extend({ addNodeView: () => (props) => new PromoSlotView(props, services) })
