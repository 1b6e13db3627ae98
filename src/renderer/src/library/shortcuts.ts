import { useEffect, useEffectEvent } from 'react'
import type { MenuCommand } from '../../../shared/ipc/contract'

const isMac = navigator.userAgent.includes('Mac')

/** How a Cmd/Ctrl shortcut is written on this platform, for tooltips. */
export const shortcut = (key: string): string => (isMac ? `⌘${key}` : `Ctrl+${key}`)

type LibraryCommand = Extract<MenuCommand, 'new-article' | 'open-library'>
const keys: Record<string, LibraryCommand> = { n: 'new-article', o: 'open-library' }

/**
 * Runs the library's menu commands, from the native menu or from the keyboard
 * (the browser-hosted test build has no native menu). Electron may deliver
 * both for one key press, so handlers must tolerate a repeat while busy.
 */
export function useLibraryCommands(run: (command: LibraryCommand) => void): void {
  const onCommand = useEffectEvent((command: LibraryCommand) => {
    // A modal dialog (promo manager, confirmation) owns the keyboard until it closes.
    if (document.querySelector('dialog[open]')) return
    run(command)
  })
  useEffect(() => {
    const offMenu = window.copydesk.on('menu', (command) => {
      if (command === 'new-article' || command === 'open-library') onCommand(command)
    })
    const onKeyDown = (event: KeyboardEvent): void => {
      const modifier = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
      const command = keys[event.key.toLowerCase()]
      if (!modifier || event.altKey || event.shiftKey || !command) return
      event.preventDefault()
      onCommand(command)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => {
      offMenu()
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [])
}
