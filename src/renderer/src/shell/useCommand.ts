import { useEffect, useEffectEvent } from 'react'
import { shortcuts, type ShortcutId } from '../../../shared/shortcuts'
import { matchesKeys } from '../editor/shortcuts'
import { onWindowKey } from './window-keys'

/**
 * Runs a window command from its keys (the table in src/shared/shortcuts.ts)
 * and from the native menu item that sends it. While a modal dialog is open it
 * owns the keyboard, unless `inDialogs` says the command still applies there.
 */
export function useCommand(id: ShortcutId, run: () => void, options: { enabled?: boolean; inDialogs?: boolean } = {}): void {
  const { enabled = true, inDialogs = false } = options
  const onCommand = useEffectEvent(run)
  useEffect(() => {
    if (!enabled) return
    const shortcut: { keys: string; menu?: string } = shortcuts[id]
    const blocked = (): boolean => !inDialogs && document.querySelector('dialog[open]') !== null
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !matchesKeys(event, shortcut.keys) || blocked()) return
      event.preventDefault()
      onCommand()
    }
    const offKeys = onWindowKey(onKeyDown)
    const offMenu = shortcut.menu
      ? window.copydesk.on('menu', (command) => {
          if (command === shortcut.menu && !blocked()) onCommand()
        })
      : () => undefined
    return () => {
      offKeys()
      offMenu()
    }
  }, [id, enabled, inDialogs])
}
