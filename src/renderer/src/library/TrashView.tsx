import { useEffect, useState } from 'react'
import type { TrashedArticle } from '../../../shared/library-api'
import { call } from '../lib/api'
import { ConfirmDialog } from './ConfirmDialog'
import { formatFullDate, formatUpdated, plural } from './format'
import { StatusBadge } from './StatusBadge'

interface Props {
  reloadKey: string
  /** After a restore or emptying, so the article list catches up. */
  onChanged: () => void
  onError: (error: unknown) => void
}

/** Trashed articles, newest first: restore one, or empty the trash after a confirmation. */
export function TrashView({ reloadKey, onChanged, onError }: Props): React.JSX.Element {
  const [trash, setTrash] = useState<TrashedArticle[] | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState('')

  useEffect(() => {
    let live = true
    call('listTrash').then((items) => live && setTrash(items), onError)
    return () => {
      live = false
    }
  }, [reloadKey, onError])

  const restore = async (item: TrashedArticle): Promise<void> => {
    try {
      const article = await call('restoreArticle', { id: item.id })
      setMessage(`Restored “${article.title.trim() || 'Untitled'}” to the library.`)
      onChanged()
    } catch (error) {
      onError(error)
    }
  }

  const empty = async (): Promise<void> => {
    setConfirming(false)
    try {
      const { removed } = await call('emptyTrash')
      setMessage(`Deleted ${plural(removed, 'article')} for good.`)
      onChanged()
    } catch (error) {
      onError(error)
    }
  }

  const sorted = trash ? [...trash].sort((a, b) => b.trashedAt.localeCompare(a.trashedAt)) : null
  return (
    <div className="trash-view">
      <div className="sidebar-toolbar">
        <span className="list-count">{sorted ? plural(sorted.length, 'article') + ' in the trash' : 'Loading…'}</span>
        <button className="danger" disabled={!sorted?.length} onClick={() => setConfirming(true)}>
          Empty trash…
        </button>
      </div>
      {message && (
        <p className="sidebar-message" role="status">
          {message}
        </p>
      )}
      {sorted && sorted.length === 0 && <p className="empty">The trash is empty. Articles you delete wait here until you empty it.</p>}
      {sorted && sorted.length > 0 && (
        <ul className="trash-list" aria-label="Trash">
          {sorted.map((item) => (
            <li key={item.id} className="trash-row">
              <div className="trash-row-text">
                <span className="article-row-title">{item.title.trim() || 'Untitled'}</span>
                <span className="article-row-meta">
                  <StatusBadge status={item.status} />
                  <time dateTime={item.trashedAt} title={`Deleted ${formatFullDate(item.trashedAt)}`}>
                    deleted {formatUpdated(item.trashedAt)}
                  </time>
                </span>
              </div>
              <button onClick={() => void restore(item)} aria-label={`Restore “${item.title.trim() || 'Untitled'}”`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && sorted && (
        <ConfirmDialog title="Empty the trash?" confirmLabel="Delete for good" onConfirm={() => void empty()} onCancel={() => setConfirming(false)}>
          <p>
            {plural(sorted.length, 'article')} will be deleted for good. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
