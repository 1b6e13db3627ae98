import { promoState, type Promo, type PromoState } from '../../../shared/article/promo'
import { formatDay, localDay } from './today'

const labels: Record<PromoState, string> = { active: 'Active', scheduled: 'Scheduled', expired: 'Expired' }

/** When a promo runs, in words: "Until 31 Dec 2026", "Starts 1 Mar 2026", "Ended 2 Jan 2026". */
export function promoWindow(promo: Pick<Promo, 'activeFrom' | 'activeUntil'>, today = localDay()): string {
  const state = promoState(promo, today)
  if (state === 'expired' && promo.activeUntil) return `Ended ${formatDay(promo.activeUntil)}`
  if (state === 'scheduled' && promo.activeFrom) return `Starts ${formatDay(promo.activeFrom)}`
  return promo.activeUntil ? `Until ${formatDay(promo.activeUntil)}` : 'No end date'
}

export function PromoStateBadge({ promo }: { promo: Pick<Promo, 'activeFrom' | 'activeUntil'> }): React.JSX.Element {
  const state = promoState(promo, localDay())
  return <span className={`promo-state promo-state-${state}`}>{labels[state]}</span>
}
