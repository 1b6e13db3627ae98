import { useId, useState } from 'react'
import type { ArticleSummary } from '../../../../shared/library-api'

interface Props {
  selfId: string
  ids: string[]
  /** The library's articles; null while loading. */
  articles: ArticleSummary[] | null
  max: number
  onChange: (ids: string[]) => void
}

const SHOWN_MATCHES = 6

/** Articles to suggest at the end of this one, found by title in the library. */
export function RelatedField({ selfId, ids, articles, max, onChange }: Props): React.JSX.Element {
  const [query, setQuery] = useState('')
  const inputId = useId()
  const byId = new Map((articles ?? []).map((article) => [article.id, article]))
  const words = query.toLowerCase().trim()
  const matches = words
    ? (articles ?? []).filter((a) => a.id !== selfId && !ids.includes(a.id) && a.title.toLowerCase().includes(words)).slice(0, SHOWN_MATCHES)
    : []

  return (
    <fieldset className="field related-field">
      <legend>Related articles</legend>
      {ids.length > 0 && (
        <ul className="related-chosen">
          {ids.map((id) => (
            <li key={id}>
              <span>{byId.get(id)?.title || (articles ? 'An article no longer in the library' : '…')}</span>
              <button type="button" className="ghost" aria-label={`Remove related article ${byId.get(id)?.title ?? id}`} onClick={() => onChange(ids.filter((other) => other !== id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className="visually-hidden">
        Find an article to relate
      </label>
      <input
        id={inputId}
        type="search"
        placeholder={ids.length >= max ? `At most ${max} related articles` : 'Find an article by title…'}
        disabled={ids.length >= max}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {matches.length > 0 && (
        <ul className="related-matches" aria-label="Matching articles">
          {matches.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="ghost"
                onClick={() => {
                  onChange([...ids, article.id])
                  setQuery('')
                }}
              >
                {article.title || 'Untitled'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {words && matches.length === 0 && articles && <p className="field-hint">No other article has that in its title.</p>}
    </fieldset>
  )
}
