import { useId, useMemo, useState } from 'react'
import type { PromoWithUsage } from '../../../../../shared/library-api'
import { PromoForm } from '../../../promos/PromoForm'
import { PromoStateBadge } from '../../../promos/PromoStateBadge'
import '../../../promos/promos.css'

interface Props {
  promos: PromoWithUsage[] | null
  currentId: string | null
  onPick: (id: string) => void
  onCancel: () => void
}

const matches = (entry: PromoWithUsage, query: string): boolean => {
  const { name, headline, sponsor, label } = entry.promo
  return `${name} ${headline} ${sponsor} ${label}`.toLowerCase().includes(query.toLowerCase().trim())
}

/**
 * A searchable list of the library's promos; arrows move, Enter picks, Escape
 * closes. "New promo" creates one here, and the slot shows it at once.
 */
export function PromoPicker({ promos, currentId, onPick, onCancel }: Props): React.JSX.Element {
  const [creating, setCreating] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const found = useMemo(() => (promos ?? []).filter((entry) => matches(entry, query)), [promos, query])
  const activeIndex = Math.min(active, Math.max(found.length - 1, 0))

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'ArrowDown') setActive((activeIndex + 1) % Math.max(found.length, 1))
    else if (event.key === 'ArrowUp') setActive((activeIndex - 1 + found.length) % Math.max(found.length, 1))
    else if (event.key === 'Enter' && found[activeIndex]) onPick(found[activeIndex].promo.id)
    else if (event.key === 'Escape') onCancel()
    else return
    event.preventDefault()
  }

  if (creating)
    return (
      <div className="promo-picker promo-picker-create">
        <PromoForm existing={null} onSaved={(promo) => onPick(promo.id)} onDelete={() => undefined} onOpenArticle={() => undefined} />
        <button type="button" className="ghost" onClick={() => setCreating(false)}>
          Back to the promos
        </button>
      </div>
    )

  return (
    <div className="promo-picker">
      <input
        type="search"
        aria-label="Search promos"
        placeholder="Search promos by name, headline or sponsor"
        autoFocus
        value={query}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={found[activeIndex] ? `${listId}-${activeIndex}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Promos">
        {promos === null && <li className="promo-picker-empty">Loading promos…</li>}
        {promos !== null && found.length === 0 && (
          <li className="promo-picker-empty">{promos.length === 0 ? 'No promos yet: create one with New promo.' : 'No promo matches.'}</li>
        )}
        {found.map((entry, index) => (
          <li
            key={entry.promo.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={entry.promo.id === currentId ? 'is-current' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => onPick(entry.promo.id)}
          >
            <span className="promo-picker-name">{entry.promo.name}</span>
            <span className="promo-picker-headline">{entry.promo.headline}</span>
            <PromoStateBadge promo={entry.promo} />
          </li>
        ))}
      </ul>
      <div className="promo-picker-actions">
        <button type="button" onClick={() => setCreating(true)}>
          New promo…
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
