import { isDeepStrictEqual } from 'node:util'
import { promoSchema, type Promo } from '../../shared/article/promo'
import { later, mergeValue } from './field-merge'
import type { PromoMergeResult, ThreeWay } from './types'

const fieldLabels = {
  name: 'name',
  label: 'label',
  headline: 'headline',
  text: 'text',
  url: 'address',
  cta: 'button text',
  sponsor: 'sponsor',
  activeFrom: 'start date',
  activeUntil: 'end date'
} as const satisfies Partial<Record<keyof Promo, string>>

/**
 * One promo three ways, field by field. A field both sides changed
 * differently keeps ours, and a notice quotes theirs so nothing is lost
 * unseen. Deleted on one side and edited on the other: the edit wins.
 */
function mergePromo(base: Promo | undefined, ours: Promo | undefined, theirs: Promo | undefined, notices: string[]): Promo | undefined {
  if (!ours || !theirs) {
    const present = ours ?? theirs
    if (!present || (base && isDeepStrictEqual(present, base))) return undefined
    if (base) notices.push(`The promo “${present.name}” was deleted on one side and edited on the other: the edit wins, and it is back.`)
    return present
  }
  const merged: Promo = { ...ours, updatedAt: later(ours.updatedAt, theirs.updatedAt) }
  const clashes: string[] = []
  for (const field of Object.keys(fieldLabels) as (keyof typeof fieldLabels)[]) {
    // With no common version, a field that differs is a change on both sides.
    const { value, clash } = mergeValue(base ? base[field] : undefined, ours[field], theirs[field])
    ;(merged as Record<typeof field, unknown>)[field] = value
    if (clash) clashes.push(`${fieldLabels[field]} “${String(theirs[field] ?? 'none')}”`)
  }
  if (clashes.length > 0) {
    notices.push(`The promo “${merged.name}” was changed on both sides; this copy is kept where they differ. The other side had: ${clashes.join(', ')}.`)
  }
  const valid = promoSchema.safeParse(merged)
  return valid.success ? valid.data : ours
}

/** Promos keyed by id: our order, then promos only the other side has, in its order. */
export function mergePromos({ base, ours, theirs }: ThreeWay<Promo[]>): PromoMergeResult {
  const byId = (promos: Promo[] | undefined) => new Map((promos ?? []).map((promo) => [promo.id, promo]))
  const [was, mine, other] = [byId(base), byId(ours), byId(theirs)]
  const ids = [...new Set([...mine.keys(), ...other.keys(), ...was.keys()])]
  const notices: string[] = []
  const promos = ids.flatMap((id) => mergePromo(was.get(id), mine.get(id), other.get(id), notices) ?? [])
  return { promos, notices }
}
