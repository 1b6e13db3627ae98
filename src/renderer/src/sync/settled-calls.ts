/**
 * Calls `run` once a burst of pokes has settled for `quietMs`: one call for
 * the whole burst, none per poke. `cancel` drops a call still waiting.
 */
export function settledCalls(run: () => void, quietMs: number): { poke: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  return {
    poke() {
      cancel()
      timer = setTimeout(() => {
        timer = null
        run()
      }, quietMs)
    },
    cancel
  }
}
