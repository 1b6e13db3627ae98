import { createContext, useContext } from 'react'
import type { PromoWithUsage } from '../../../shared/library-api'

/** What block views need from outside the editor: media addresses, the promo collection, error reporting. */
export interface EditorServices {
  /** Where the renderer can load a stored `media/…` path from. */
  mediaUrl(src: string): string
  /** Null until loaded. */
  promos: PromoWithUsage[] | null
  refreshPromos(): void
  onError(error: unknown): void
}

export const EditorServicesContext = createContext<EditorServices | null>(null)

export function useEditorServices(): EditorServices {
  const services = useContext(EditorServicesContext)
  if (!services) throw new Error('Block views render inside the article editor only')
  return services
}
