import type { AnyBlockOutput } from '../export/block-output'
import { faqOutput } from './faq/faq-output'
import { promoSlotOutput } from './promo-slot/promo-output'

/**
 * How every custom block exports (HTML, Markdown per profile, front matter,
 * JSON-LD, site-kit templates). Kept apart from registry.ts so the editor
 * schema does not load the export libraries; a test checks that every custom
 * node in the registry has its entry here.
 */
export const blockOutputs: readonly AnyBlockOutput[] = [faqOutput, promoSlotOutput]
