type KeyHandler = (event: KeyboardEvent) => void

const handlers = new Set<KeyHandler>()

/** Runs the handlers as separate listeners would: in the order added, each whatever an earlier one throws. */
function dispatch(event: KeyboardEvent): void {
  for (const handler of [...handlers]) {
    // One removed by an earlier handler of the same key (a dialog that closes) does not run, as with listeners.
    if (!handlers.has(handler)) continue
    try {
      handler(event)
    } catch (error) {
      reportError(error)
    }
  }
}

/**
 * Handles keydown on the window: the shortcuts (useCommand.ts). They share one listener: a listener each was a
 * dozen calls at every key typed in the editor, before its text went in, where none of them has anything to do.
 * Returns the removal.
 */
export function onWindowKey(handler: KeyHandler): () => void {
  if (handlers.size === 0) window.addEventListener('keydown', dispatch)
  handlers.add(handler)
  return () => {
    handlers.delete(handler)
    if (handlers.size === 0) window.removeEventListener('keydown', dispatch)
  }
}
