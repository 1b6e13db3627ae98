import { useEffect, useState } from 'react'
import type { ArticleSummary } from '../../../../shared/library-api'
import { call } from '../../lib/api'

/** The library's article list for pickers (related articles, categories), refreshed when the library changes. */
export function useLibraryArticles(refreshKey: unknown, onError: (error: unknown) => void): ArticleSummary[] | null {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null)
  const [changes, setChanges] = useState(0)
  useEffect(() => window.copydesk.on('libraryChanged', () => setChanges((n) => n + 1)), [])
  useEffect(() => {
    let live = true
    call('listArticles', { sort: 'title' }).then((list) => live && setArticles(list), onError)
    return () => {
      live = false
    }
  }, [refreshKey, changes, onError])
  return articles
}
