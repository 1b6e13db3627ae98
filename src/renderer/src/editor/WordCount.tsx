import { memo } from 'react'
import { useLiveDom } from '../lib/live-dom'
import type { LiveValue } from '../lib/live-value'
import { plural } from '../library/format'
import type { BodyStats } from './ArticleEditor'

export const sameStats = (a: BodyStats | null, b: BodyStats | null): boolean =>
  a === b || (a !== null && b !== null && a.words === b.words && a.readingMinutes === b.readingMinutes)

export const wordCountText = (stats: BodyStats): string => `${plural(stats.words, 'word')} · ${stats.readingMinutes} min read`

/**
 * The status bar's count for the open article. It changes as people type, so it is written, not redrawn
 * (live-dom.ts); memoized, so the workspace drawing an autosave's answer passes it by.
 */
export const WordCount = memo(function WordCount({ stats }: { stats: LiveValue<BodyStats | null> }): React.JSX.Element {
  const ref = useLiveDom(stats, (element: HTMLSpanElement, current) => {
    element.hidden = current === null
    element.textContent = current ? wordCountText(current) : ''
  })
  return <span className="status-item" data-testid="word-count" ref={ref} />
})
