import { useEffect, useState } from 'react'
import type { Actor } from '../../../../shared/review/actor'
import { call } from '../../lib/api'

export type ProfileState = { loaded: false } | { loaded: true; profile: Actor | null }

/** The local profile from settings, kept current when it changes (in this window or from main). */
export function useProfile(onError: (error: unknown) => void): ProfileState {
  const [state, setState] = useState<ProfileState>({ loaded: false })
  useEffect(() => {
    let live = true
    call('getSettings').then((settings) => live && setState({ loaded: true, profile: settings.profile }), onError)
    const unsubscribe = window.copydesk.on('settingsChanged', (settings) => setState({ loaded: true, profile: settings.profile }))
    return () => {
      live = false
      unsubscribe()
    }
  }, [onError])
  return state
}

export const roleLabel = (role: Actor['role']): string => (role === 'editor' ? 'Editor' : 'Writer')
