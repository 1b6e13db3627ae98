import { useCallback, useEffect, useRef, useState } from 'react'
import type { FolderRef } from '../../../shared/folders'
import type { LibraryInfo } from '../../../shared/library-api'
import type { SettingsView } from '../../../shared/settings'
import { call } from '../lib/api'

interface LibraryState {
  info: LibraryInfo | null
  /** Counts `libraryChanged` events and switches to another folder: what the library holds may differ. */
  changes: number
  recent: FolderRef[]
  /** Opens a recent library, or asks main for a folder with the native dialog. False when the user cancelled. */
  open: (recent?: FolderRef) => Promise<boolean>
}

/**
 * The open library and the recently used ones. Follows `libraryChanged`
 * (another library opened, import, trash emptied) and calls `onSwitched`
 * when the folder itself changes, so nothing from the old library stays open.
 */
export function useLibraryInfo(
  libraryPath: string,
  onSwitched: () => void,
  onError: (error: unknown) => void,
  start: { library: LibraryInfo; settings: SettingsView }
): LibraryState {
  const [info, setInfo] = useState<LibraryInfo | null>(start.library)
  const [changes, setChanges] = useState(0)
  const [recent, setRecent] = useState<FolderRef[]>(start.settings.recentLibraries)
  const shownPath = useRef<string | null>(null)
  // The window opens on the library main's first answer described: asked again only once the path changes.
  const knownPath = useRef<string | null>(start.library.path)

  useEffect(() => {
    if (libraryPath === knownPath.current) return
    knownPath.current = null
    let live = true
    call('getLibraryInfo').then((next) => live && setInfo(next), onError)
    return () => {
      live = false
    }
  }, [libraryPath, onError])

  useEffect(
    () =>
      window.copydesk.on('libraryChanged', (next) => {
        setInfo(next)
        setChanges((count) => count + 1)
      }),
    []
  )

  useEffect(() => window.copydesk.on('settingsChanged', (settings) => setRecent(settings.recentLibraries)), [])

  const path = info?.path ?? null
  useEffect(() => {
    if (path === null) return
    if (shownPath.current !== null && shownPath.current !== path) onSwitched()
    shownPath.current = path
  }, [path, onSwitched])

  const open = useCallback(async (target?: FolderRef) => {
    const next = await call('openLibrary', target ? { folder: target.handle } : {})
    if (!next) return false
    setInfo(next)
    setChanges((count) => count + 1)
    return true
  }, [])

  return { info, changes, recent, open }
}
