import { useCallback, useState } from 'react'
import { CURRENT } from '../../../../shared/review-api'
import { call } from '../../lib/api'
import { lazyView } from '../../lib/lazy-view'
import type { ShownDiff } from './DiffDialog'
import { revisionName, sinceMark, sinceWords, type Since } from './since-marks'

/** Two versions compared, loaded when first shown; the revisions panel shows it too. */
export const DiffDialog = lazyView(() => import('./DiffDialog').then((module) => module.DiffDialog))

/**
 * "What changed since approval / since the last review": finds the status
 * mark in the article's history and compares it with the article as stored.
 * Saves what is pending first, so the comparison shows what is on screen.
 */
export function useSinceDiff(articleId: string, flush: () => Promise<void>, onError: (error: unknown) => void) {
  const [shown, setShown] = useState<ShownDiff | null>(null)
  const show = useCallback(
    async (since: Since): Promise<void> => {
      try {
        await flush()
        const mark = sinceMark(await call('listRevisions', { id: articleId }), since)
        if (!mark) throw new Error(since === 'approval' ? 'The history holds no approval of this article to compare with.' : 'The history holds no review of this article to compare with.')
        const diff = await call('diffRevisions', { id: articleId, from: mark.id, to: CURRENT })
        setShown({ title: `${sinceWords[since]}: from “${revisionName(mark)}” to now`, diff })
      } catch (error) {
        onError(error)
      }
    },
    [articleId, flush, onError]
  )
  const dialog = shown && <DiffDialog shown={shown} onClose={() => setShown(null)} />
  return { show, dialog }
}
