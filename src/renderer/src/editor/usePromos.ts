import { useCallback, useEffect, useState } from 'react'
import type { PromoWithUsage } from '../../../shared/library-api'
import { call } from '../lib/api'

/** The library's promos for promo slots; refreshed when the library or a promo changes (anywhere: the manager, a picker) or a picker opens. */
export function usePromos(onError: (error: unknown) => void): { promos: PromoWithUsage[] | null; refresh: () => void } {
  const [promos, setPromos] = useState<PromoWithUsage[] | null>(null)
  const refresh = useCallback(() => {
    call('listPromos').then(setPromos, onError)
  }, [onError])
  useEffect(() => {
    refresh()
    const unsubscribe = [window.copydesk.on('libraryChanged', refresh), window.copydesk.on('promosChanged', refresh)]
    return () => unsubscribe.forEach((stop) => stop())
  }, [refresh])
  return { promos, refresh }
}
