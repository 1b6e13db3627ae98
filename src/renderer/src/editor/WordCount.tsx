import { useLiveValue, type LiveValue } from '../lib/live-value'
import { plural } from '../library/format'
import type { BodyStats } from './ArticleEditor'

export const sameStats = (a: BodyStats | null, b: BodyStats | null): boolean =>
  a === b || (a !== null && b !== null && a.words === b.words && a.readingMinutes === b.readingMinutes)

/** The status bar's count for the open article; it redraws alone, not the workspace around it. */
export function WordCount({ stats }: { stats: LiveValue<BodyStats | null> }): React.JSX.Element | null {
  const current = useLiveValue(stats)
  if (!current) return null
  return (
    <span className="status-item" data-testid="word-count">
      {plural(current.words, 'word')} · {current.readingMinutes} min read
    </span>
  )
}
