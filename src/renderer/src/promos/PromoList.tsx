import type { PromoWithUsage } from '../../../shared/library-api'
import { PromoStateBadge, promoWindow } from './PromoStateBadge'

interface Props {
  promos: PromoWithUsage[]
  /** Null while a new promo is being written. */
  selectedId: string | null
  onSelect: (id: string) => void
}

const usage = (count: number): string => (count === 0 ? 'Not used yet' : count === 1 ? 'Used in 1 article' : `Used in ${count} articles`)

export function PromoList({ promos, selectedId, onSelect }: Props): React.JSX.Element {
  if (promos.length === 0) {
    return <p className="empty">No promos yet. A promo is a sponsored box an article can show; create the first one here.</p>
  }
  return (
    <ul className="promo-list" aria-label="Promos">
      {promos.map(({ promo, usedBy }) => (
        <li key={promo.id}>
          <button className="promo-list-item" aria-current={promo.id === selectedId || undefined} onClick={() => onSelect(promo.id)}>
            <span className="promo-list-name">{promo.name}</span>
            <span className="promo-list-meta">
              <PromoStateBadge promo={promo} />
              <span>{promoWindow(promo)}</span>
            </span>
            <span className="promo-list-usage">{usage(usedBy.length)}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
