import { defusedPieces } from './defuse-pasted-html'

/** The pasting window's helper thread: clipboard HTML in, defused pieces out (see defusedPieces). */
self.onmessage = (event: MessageEvent<string>): void => {
  try {
    self.postMessage({ pieces: defusedPieces(event.data) })
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
}
