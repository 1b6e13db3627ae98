import { faqNodes } from './faq/faq-nodes'
import { PromoSlot } from './promo-slot/promo-slot-node'

/** Every custom block's nodes. Adding a block is one folder and one entry here. */
export const customBlockNodes = [...faqNodes, PromoSlot]
