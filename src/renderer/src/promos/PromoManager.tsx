import { useEffect, useState } from 'react'
import type { PromoWithUsage } from '../../../shared/library-api'
import { ApiError, call } from '../lib/api'
import { ConfirmDialog } from '../library/ConfirmDialog'
import { ModalDialog } from '../lib/ModalDialog'
import { PromoForm } from './PromoForm'
import { PromoList } from './PromoList'

interface Props {
  /** Changes when the library changed, so usage lists stay true. */
  reloadKey: string
  onClose: () => void
  onOpenArticle: (id: string) => void
  onError: (error: unknown) => void
}

interface Refusal {
  name: string
  message: string
  details: string[]
  usedBy: PromoWithUsage['usedBy']
}

/** Editing state: a promo's id, or null while writing a new one. */
type Editing = { id: string | null }

/**
 * The library's promos in a modal window: each with its state today and the
 * articles that show it; create, edit, delete. The library refuses to delete
 * a promo an article still shows, and the refusal is shown with those articles.
 */
export function PromoManager({ reloadKey, onClose, onOpenArticle, onError }: Props): React.JSX.Element {
  const [promos, setPromos] = useState<PromoWithUsage[] | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [tick, setTick] = useState(0)
  const [status, setStatus] = useState('')
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [confirming, setConfirming] = useState<PromoWithUsage | null>(null)

  useEffect(() => {
    let live = true
    call('listPromos').then((list) => live && setPromos(list), onError)
    return () => {
      live = false
    }
  }, [reloadKey, tick, onError])

  // Until the writer picks, show the first promo, or the new-promo form in an empty library.
  const shown: Editing | null = editing ?? (promos ? { id: promos[0]?.promo.id ?? null } : null)
  const existing = shown?.id ? (promos?.find((item) => item.promo.id === shown.id) ?? null) : null

  const pick = (next: Editing): void => {
    setEditing(next)
    setStatus('')
    setRefusal(null)
  }

  const remove = async (item: PromoWithUsage): Promise<void> => {
    setConfirming(null)
    try {
      await call('deletePromo', { id: item.promo.id })
      setEditing(null)
      setRefusal(null)
      setStatus(`Deleted “${item.promo.name}”.`)
      setTick((count) => count + 1)
    } catch (error) {
      if (!(error instanceof ApiError) || error.code === 'internal') return onError(error)
      setRefusal({ name: item.promo.name, message: error.message, details: error.details, usedBy: item.usedBy })
      setTick((count) => count + 1)
    }
  }

  return (
    <ModalDialog className="promo-manager" labelledBy="promo-manager-title" onDismiss={onClose}>
      <header className="promo-manager-header">
        <h2 id="promo-manager-title">Promos</h2>
        {status && (
          <span className="promo-status" role="status">
            {status}
          </span>
        )}
        <button className="ghost" aria-label="Close promos" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="promo-manager-body">
        <div className="promo-manager-list">
          <button className="primary" onClick={() => pick({ id: null })}>
            New promo
          </button>
          {promos === null ? <p className="empty">Loading promos…</p> : <PromoList promos={promos} selectedId={shown?.id ?? null} onSelect={(id) => pick({ id })} />}
        </div>
        <div className="promo-manager-detail">
          {refusal && (
            <div className="form-failure" role="alert" aria-label="Promo not deleted">
              <p>{refusal.message}</p>
              {refusal.usedBy.length === 0 && refusal.details.length > 0 && (
                <ul>
                  {refusal.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
              {refusal.usedBy.length > 0 && (
                <>
                  <p>Open an article to take “{refusal.name}” out of it:</p>
                  <ul>
                    {refusal.usedBy.map((article) => (
                      <li key={article.id}>
                        <button className="link" onClick={() => onOpenArticle(article.id)}>
                          {article.title.trim() || 'Untitled'}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {shown && (shown.id === null || existing) && (
            <PromoForm
              key={shown.id ?? 'new'}
              existing={existing}
              onSaved={(promo) => {
                setEditing({ id: promo.id })
                setRefusal(null)
                setStatus(`Saved “${promo.name}”.`)
                setTick((count) => count + 1)
              }}
              onDelete={(item) => (item.usedBy.length > 0 ? void remove(item) : setConfirming(item))}
              onOpenArticle={onOpenArticle}
            />
          )}
        </div>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Delete “${confirming.promo.name}”?`}
          confirmLabel="Delete promo"
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>No article shows this promo. Deleting it cannot be undone.</p>
        </ConfirmDialog>
      )}
    </ModalDialog>
  )
}
