import { useCallback, useEffect, useState } from 'react'
import type { PromoWithUsage } from '../../../shared/library-api'
import { call } from '../lib/api'

/** The library's promos for promo slots; refreshed when the library changes or a picker opens. */
export function usePromos(onError: (error: unknown) => void): { promos: PromoWithUsage[] | null; refresh: () => void } {
  const [promos, setPromos] = useState<PromoWithUsage[] | null>(null)
  const refresh = useCallback(() => {
    call('listPromos').then(setPromos, onError)
  }, [onError])
  useEffect(() => {
    refresh()
    return window.copydesk.on('libraryChanged', refresh)
  }, [refresh])
  return { promos, refresh }
}
