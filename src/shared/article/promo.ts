import * as z from 'zod'
import { idSchema } from './article'
import { isWebUrl } from './urls'

export const promoSchema = z.object({
  id: idSchema,
  /** Internal name shown in pickers, e.g. "Hosting 75% off (Q4)". */
  name: z.string().trim().min(1).max(200),
  /** Disclosure shown to readers. */
  label: z.string().trim().min(1).max(60).default('Sponsored'),
  headline: z.string().trim().min(1).max(300),
  text: z.string().max(2000),
  url: z.string().max(2000).refine(isWebUrl, 'must be an http(s) address'),
  cta: z.string().trim().min(1).max(80),
  sponsor: z.string().max(200),
  activeFrom: z.iso.date().nullable(),
  activeUntil: z.iso.date().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true })
})
export type Promo = z.infer<typeof promoSchema>
export const promoInputSchema = promoSchema.omit({ id: true, createdAt: true, updatedAt: true })
export type PromoInput = z.input<typeof promoInputSchema>

export type PromoState = 'active' | 'scheduled' | 'expired'

/** Whether a promo may run on `day` (YYYY-MM-DD); both ends inclusive. */
export function promoState(promo: Pick<Promo, 'activeFrom' | 'activeUntil'>, day: string): PromoState {
  if (promo.activeUntil && day > promo.activeUntil) return 'expired'
  if (promo.activeFrom && day < promo.activeFrom) return 'scheduled'
  return 'active'
}
