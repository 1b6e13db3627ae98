import { useSyncExternalStore } from 'react'

/**
 * A value one place sets often and a few small components show, so only
 * those redraw when it changes, not the component that owns it.
 */
export class LiveValue<T> {
  private readonly listeners = new Set<() => void>()

  constructor(
    private value: T,
    private readonly same: (a: T, b: T) => boolean = Object.is
  ) {}

  readonly get = (): T => this.value

  /** Tells the listeners only when the value changed: typing inside a word leaves the count as it was. */
  readonly set = (next: T): void => {
    if (this.same(this.value, next)) return
    this.value = next
    for (const listener of this.listeners) listener()
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export function useLiveValue<T>(live: LiveValue<T>): T {
  return useSyncExternalStore(live.subscribe, live.get)
}
