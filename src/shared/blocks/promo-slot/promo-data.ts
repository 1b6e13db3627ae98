import { idSchema } from '../../article/article'
import { promoState, type Promo } from '../../article/promo'
import type { BodyNode } from '../../article/body'
import type { ReadEnv } from '../../export/block-output'

/** The promo a slot shows on `ctx.today`, or null (with a warning) when it must be left out. */
export function readPromoSlot(node: BodyNode, env: ReadEnv): Promo | null {
  const id = node.attrs?.['promoId']
  const promo = idSchema.safeParse(id).success ? env.ctx.promos.find((candidate) => candidate.id === id) : undefined
  if (!promo) {
    env.warn('missing-promo', `A promo slot points to a promo that is not in the library${typeof id === 'string' ? ` (${id.slice(0, 80)})` : ''}; it was left out.`)
    return null
  }
  const state = promoState(promo, env.ctx.today)
  if (state === 'expired') {
    env.warn('expired-promo', `The promo “${promo.name}” ended on ${promo.activeUntil}; its slot was left out.`)
    return null
  }
  if (state === 'scheduled') {
    env.warn('scheduled-promo', `The promo “${promo.name}” starts on ${promo.activeFrom}; its slot was left out.`)
    return null
  }
  return promo
}
