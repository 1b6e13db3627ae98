import { useEffect, useState } from 'react'
import type { Theme } from '../../../shared/settings'

const darkQuery = '(prefers-color-scheme: dark)'

/** Resolves the chosen theme (system follows the OS) and sets it on <html>. */
export function useAppliedTheme(theme: Theme): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(darkQuery).matches)
  useEffect(() => {
    const media = window.matchMedia(darkQuery)
    const onChange = (): void => setSystemDark(media.matches)
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [])
  const applied = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme
  useEffect(() => {
    document.documentElement.dataset['theme'] = applied
  }, [applied])
  return applied
}
